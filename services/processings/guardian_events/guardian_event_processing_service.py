from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from brokers.loggings import LoggingBroker
from contracts.events import ConcernOutcome, GuardianRegisteredEvent, OutcomePublication
from services.foundations.events import EventBatchHandler
from services.foundations.guardian_events import GuardianEventService
from services.processings.guardian_events.guardian_event_processing_service_exceptions import (
    try_catch_each_guardian_event_processing,
    try_catch_guardian_event_processing,
)


class GuardianEventProcessingService:
    """Pass-through, so the orchestration above combines processing services only (Florance)."""

    def __init__(
        self, guardian_event_service: GuardianEventService, logging_broker: LoggingBroker
    ) -> None:
        self.guardian_event_service = guardian_event_service
        self.logging_broker = logging_broker

    def listen_to_guardian_registered_events(
        self, handler: Callable[[GuardianRegisteredEvent], Awaitable[None]]
    ) -> None:
        self.guardian_event_service.listen_to_guardian_registered_events(handler)

    def listen_to_guardian_registered_event_batches(
        self, handler: EventBatchHandler[GuardianRegisteredEvent]
    ) -> None:
        self.guardian_event_service.listen_to_guardian_registered_event_batches(handler)

    @try_catch_each_guardian_event_processing
    async def publish_guardian_outcomes(
        self, publications: Sequence[OutcomePublication]
    ) -> list[Exception | None]:
        return list(await self.guardian_event_service.publish_guardian_outcomes(publications))

    @try_catch_guardian_event_processing
    async def publish_guardian_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.guardian_event_service.publish_guardian_outcome(
            outcome, cause_id=cause_id, correlation_id=correlation_id
        )
