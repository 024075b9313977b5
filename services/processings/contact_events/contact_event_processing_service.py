from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from brokers.loggings import LoggingBroker
from contracts.events import ConcernOutcome, ContactRegisteredEvent, OutcomePublication
from services.foundations.contact_events import ContactEventService
from services.foundations.events import EventBatchHandler
from services.processings.contact_events.contact_event_processing_service_exceptions import (
    try_catch_contact_event_processing,
    try_catch_each_contact_event_processing,
)


class ContactEventProcessingService:
    """Pass-through, so the orchestration above combines processing services only (Florance)."""

    def __init__(
        self, contact_event_service: ContactEventService, logging_broker: LoggingBroker
    ) -> None:
        self.contact_event_service = contact_event_service
        self.logging_broker = logging_broker

    def listen_to_contact_registered_events(
        self, handler: Callable[[ContactRegisteredEvent], Awaitable[None]]
    ) -> None:
        self.contact_event_service.listen_to_contact_registered_events(handler)

    def listen_to_contact_registered_event_batches(
        self, handler: EventBatchHandler[ContactRegisteredEvent]
    ) -> None:
        self.contact_event_service.listen_to_contact_registered_event_batches(handler)

    @try_catch_each_contact_event_processing
    async def publish_contact_outcomes(
        self, publications: Sequence[OutcomePublication]
    ) -> list[Exception | None]:
        return list(await self.contact_event_service.publish_contact_outcomes(publications))

    @try_catch_contact_event_processing
    async def publish_contact_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.contact_event_service.publish_contact_outcome(
            outcome, cause_id=cause_id, correlation_id=correlation_id
        )
