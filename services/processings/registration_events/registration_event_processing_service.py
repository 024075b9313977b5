from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from brokers.loggings import LoggingBroker
from contracts.events import (
    ConcernOutcomeEvent,
    EventPublication,
    RegistrationRequested,
    RegistrationRequestedEvent,
)
from services.foundations.events import EventBatchHandler
from services.foundations.registration_events import RegistrationEventService
from services.processings.registration_events.registration_event_processing_service_exceptions import (  # noqa: E501
    try_catch_each_registration_event_processing,
    try_catch_registration_event_processing,
)


class RegistrationEventProcessingService:
    """Pass-through, so the orchestrations above combine processing services only (Florance)."""

    def __init__(
        self, registration_event_service: RegistrationEventService, logging_broker: LoggingBroker
    ) -> None:
        self.registration_event_service = registration_event_service
        self.logging_broker = logging_broker

    def listen_to_registration_requested_event_batches(
        self, handler: EventBatchHandler[RegistrationRequestedEvent]
    ) -> None:
        self.registration_event_service.listen_to_registration_requested_event_batches(handler)

    def listen_to_concern_outcome_event_batches(
        self, handler: EventBatchHandler[ConcernOutcomeEvent]
    ) -> None:
        self.registration_event_service.listen_to_concern_outcome_event_batches(handler)

    @try_catch_registration_event_processing
    async def publish_registration_requested(
        self,
        registration_requested: RegistrationRequested,
        *,
        event_id: str,
        requested_at: datetime,
    ) -> RegistrationRequestedEvent:
        return await self.registration_event_service.publish_registration_requested(
            registration_requested, event_id=event_id, requested_at=requested_at
        )

    @try_catch_each_registration_event_processing
    async def publish_registration_fan_outs(
        self, fan_outs: Sequence[Sequence[EventPublication]]
    ) -> list[Exception | None]:
        return list(await self.registration_event_service.publish_fan_outs(fan_outs))
