from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from brokers.queues import IncomingMessage
from contracts.events import (
    STUDENT_REGISTERED,
    ConcernOutcome,
    OutcomePublication,
    StudentRegisteredEvent,
)
from contracts.workers import STUDENT_WORKER
from services.foundations.events import EventService, parse_event, parse_events
from services.foundations.student_events.student_event_service_exceptions import (
    try_catch_each_student_event,
    try_catch_student_event,
)


class StudentEventService(EventService):
    def listen_to_student_registered_events(
        self, handler: Callable[[StudentRegisteredEvent], Awaitable[None]]
    ) -> None:
        self.listen_to_events(
            STUDENT_WORKER, STUDENT_REGISTERED, self.map_to_student_registered_event, handler
        )

    def listen_to_student_registered_event_batches(
        self,
        handler: Callable[
            [Sequence[StudentRegisteredEvent]], Awaitable[Sequence[Exception | None]]
        ],
    ) -> None:
        self.listen_to_event_batches(
            STUDENT_WORKER, STUDENT_REGISTERED, self.map_to_student_registered_events, handler
        )

    @try_catch_each_student_event
    async def map_to_student_registered_events(
        self, messages: Sequence[IncomingMessage]
    ) -> list[StudentRegisteredEvent | Exception]:
        return parse_events(StudentRegisteredEvent, messages)

    @try_catch_student_event
    async def map_to_student_registered_event(
        self, message: IncomingMessage
    ) -> StudentRegisteredEvent:
        return parse_event(StudentRegisteredEvent, message)

    @try_catch_student_event
    async def publish_student_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.publish_outcome(outcome, cause_id=cause_id, correlation_id=correlation_id)

    @try_catch_each_student_event
    async def publish_student_outcomes(
        self, publications: Sequence[OutcomePublication]
    ) -> list[Exception | None]:
        return await self.publish_outcomes(publications)
