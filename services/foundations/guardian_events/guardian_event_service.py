from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from brokers.queues import IncomingMessage
from contracts.events import (
    GUARDIAN_REGISTERED,
    ConcernOutcome,
    GuardianRegisteredEvent,
    OutcomePublication,
)
from contracts.workers import GUARDIAN_WORKER
from services.foundations.events import EventBatchHandler, EventService, parse_event, parse_events
from services.foundations.guardian_events.guardian_event_service_exceptions import (
    try_catch_each_guardian_event,
    try_catch_guardian_event,
)


class GuardianEventService(EventService):
    def listen_to_guardian_registered_events(
        self, handler: Callable[[GuardianRegisteredEvent], Awaitable[None]]
    ) -> None:
        self.listen_to_events(
            GUARDIAN_WORKER, GUARDIAN_REGISTERED, self.map_to_guardian_registered_event, handler
        )

    def listen_to_guardian_registered_event_batches(
        self, handler: EventBatchHandler[GuardianRegisteredEvent]
    ) -> None:
        self.listen_to_event_batches(
            GUARDIAN_WORKER, GUARDIAN_REGISTERED, self.map_to_guardian_registered_events, handler
        )

    @try_catch_guardian_event
    async def map_to_guardian_registered_event(
        self, message: IncomingMessage
    ) -> GuardianRegisteredEvent:
        return parse_event(GuardianRegisteredEvent, message)

    @try_catch_each_guardian_event
    async def map_to_guardian_registered_events(
        self, messages: Sequence[IncomingMessage]
    ) -> list[GuardianRegisteredEvent | Exception]:
        return parse_events(GuardianRegisteredEvent, messages)

    @try_catch_guardian_event
    async def publish_guardian_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.publish_outcome(outcome, cause_id=cause_id, correlation_id=correlation_id)

    @try_catch_each_guardian_event
    async def publish_guardian_outcomes(
        self, publications: Sequence[OutcomePublication]
    ) -> list[Exception | None]:
        return await self.publish_outcomes(publications)
