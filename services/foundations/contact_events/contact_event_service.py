from __future__ import annotations

from collections.abc import Awaitable, Callable

from brokers.queues import IncomingMessage
from contracts.events import CONTACT_REGISTERED, ConcernOutcome, ContactRegisteredEvent
from contracts.workers import CONTACT_WORKER
from services.foundations.contact_events.contact_event_service_exceptions import (
    try_catch_contact_event,
)
from services.foundations.events import EventService


class ContactEventService(EventService):
    def listen_to_contact_registered_events(
        self, handler: Callable[[ContactRegisteredEvent], Awaitable[None]]
    ) -> None:
        self.listen_to_events(
            CONTACT_WORKER, CONTACT_REGISTERED, self.map_to_contact_registered_event, handler
        )

    @try_catch_contact_event
    async def map_to_contact_registered_event(
        self, message: IncomingMessage
    ) -> ContactRegisteredEvent:
        return ContactRegisteredEvent.model_validate_json(
            message.body, context={"event_type": message.routing_key}
        )

    @try_catch_contact_event
    async def publish_contact_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.publish_outcome(outcome, cause_id=cause_id, correlation_id=correlation_id)
