from __future__ import annotations

from collections.abc import Awaitable, Callable

from brokers.queues import IncomingMessage
from contracts.events import IMMUNIZATION_RECORDED, ConcernOutcome, ImmunizationRecordedEvent
from contracts.workers import IMMUNIZATION_WORKER
from services.foundations.events import EventService
from services.foundations.immunization_events.immunization_event_service_exceptions import (
    try_catch_immunization_event,
)


class ImmunizationEventService(EventService):
    def listen_to_immunization_recorded_events(
        self, handler: Callable[[ImmunizationRecordedEvent], Awaitable[None]]
    ) -> None:
        self.listen_to_events(
            IMMUNIZATION_WORKER,
            IMMUNIZATION_RECORDED,
            self.map_to_immunization_recorded_event,
            handler,
        )

    @try_catch_immunization_event
    async def map_to_immunization_recorded_event(
        self, message: IncomingMessage
    ) -> ImmunizationRecordedEvent:
        return ImmunizationRecordedEvent.model_validate_json(
            message.body, context={"event_type": message.routing_key}
        )

    @try_catch_immunization_event
    async def publish_immunization_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.publish_outcome(outcome, cause_id=cause_id, correlation_id=correlation_id)
