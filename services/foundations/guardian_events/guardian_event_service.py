from __future__ import annotations

from collections.abc import Awaitable, Callable

from brokers.queues import IncomingMessage
from contracts.events import GUARDIAN_REGISTERED, ConcernOutcome, GuardianRegisteredEvent
from contracts.workers import GUARDIAN_WORKER
from services.foundations.events import EventService
from services.foundations.guardian_events.guardian_event_service_exceptions import (
    try_catch_guardian_event,
)


class GuardianEventService(EventService):
    def listen_to_guardian_registered_events(
        self, handler: Callable[[GuardianRegisteredEvent], Awaitable[None]]
    ) -> None:
        self.listen_to_events(
            GUARDIAN_WORKER, GUARDIAN_REGISTERED, self.map_to_guardian_registered_event, handler
        )

    @try_catch_guardian_event
    async def map_to_guardian_registered_event(
        self, message: IncomingMessage
    ) -> GuardianRegisteredEvent:
        return GuardianRegisteredEvent.model_validate_json(
            message.body, context={"event_type": message.routing_key}
        )

    @try_catch_guardian_event
    async def publish_guardian_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.publish_outcome(outcome, cause_id=cause_id, correlation_id=correlation_id)
