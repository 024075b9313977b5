from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from brokers.loggings import LoggingBroker
from contracts.events import ConcernOutcome, ImmunizationRecordedEvent, OutcomePublication
from services.foundations.events import EventBatchHandler
from services.foundations.immunization_events import ImmunizationEventService
from services.processings.immunization_events.immunization_event_processing_service_exceptions import (  # noqa: E501
    try_catch_each_immunization_event_processing,
    try_catch_immunization_event_processing,
)


class ImmunizationEventProcessingService:
    """Pass-through, so the orchestration above combines processing services only (Florance)."""

    def __init__(
        self, immunization_event_service: ImmunizationEventService, logging_broker: LoggingBroker
    ) -> None:
        self.immunization_event_service = immunization_event_service
        self.logging_broker = logging_broker

    def listen_to_immunization_recorded_events(
        self, handler: Callable[[ImmunizationRecordedEvent], Awaitable[None]]
    ) -> None:
        self.immunization_event_service.listen_to_immunization_recorded_events(handler)

    def listen_to_immunization_recorded_event_batches(
        self, handler: EventBatchHandler[ImmunizationRecordedEvent]
    ) -> None:
        self.immunization_event_service.listen_to_immunization_recorded_event_batches(handler)

    @try_catch_each_immunization_event_processing
    async def publish_immunization_outcomes(
        self, publications: Sequence[OutcomePublication]
    ) -> list[Exception | None]:
        return list(
            await self.immunization_event_service.publish_immunization_outcomes(publications)
        )

    @try_catch_immunization_event_processing
    async def publish_immunization_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.immunization_event_service.publish_immunization_outcome(
            outcome, cause_id=cause_id, correlation_id=correlation_id
        )
