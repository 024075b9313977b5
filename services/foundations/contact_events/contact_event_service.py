from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from brokers.queues import IncomingMessage
from contracts.events import (
    CONTACT_REGISTERED,
    ConcernOutcome,
    ContactRegisteredEvent,
    OutcomePublication,
)
from contracts.workers import CONTACT_WORKER
from services.foundations.contact_events.contact_event_service_exceptions import (
    try_catch_contact_event,
    try_catch_each_contact_event,
)
from services.foundations.events import EventBatchHandler, EventService, parse_event, parse_events


class ContactEventService(EventService):
    def listen_to_contact_registered_events(
        self, handler: Callable[[ContactRegisteredEvent], Awaitable[None]]
    ) -> None:
        self.listen_to_events(
            CONTACT_WORKER, CONTACT_REGISTERED, self.map_to_contact_registered_event, handler
        )

    def listen_to_contact_registered_event_batches(
        self, handler: EventBatchHandler[ContactRegisteredEvent]
    ) -> None:
        self.listen_to_event_batches(
            CONTACT_WORKER, CONTACT_REGISTERED, self.map_to_contact_registered_events, handler
        )

    @try_catch_contact_event
    async def map_to_contact_registered_event(
        self, message: IncomingMessage
    ) -> ContactRegisteredEvent:
        return parse_event(ContactRegisteredEvent, message)

    @try_catch_each_contact_event
    async def map_to_contact_registered_events(
        self, messages: Sequence[IncomingMessage]
    ) -> list[ContactRegisteredEvent | Exception]:
        return parse_events(ContactRegisteredEvent, messages)

    @try_catch_contact_event
    async def publish_contact_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.publish_outcome(outcome, cause_id=cause_id, correlation_id=correlation_id)

    @try_catch_each_contact_event
    async def publish_contact_outcomes(
        self, publications: Sequence[OutcomePublication]
    ) -> list[Exception | None]:
        return await self.publish_outcomes(publications)
