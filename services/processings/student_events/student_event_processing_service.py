from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from brokers.loggings import LoggingBroker
from contracts.events import ConcernOutcome, OutcomePublication, StudentRegisteredEvent
from services.foundations.student_events import StudentEventService
from services.processings.student_events.student_event_processing_service_exceptions import (
    try_catch_each_student_event_processing,
    try_catch_student_event_processing,
)


class StudentEventProcessingService:
    """Pass-through, so the orchestration above combines processing services only (Florance)."""

    def __init__(
        self, student_event_service: StudentEventService, logging_broker: LoggingBroker
    ) -> None:
        self.student_event_service = student_event_service
        self.logging_broker = logging_broker

    def listen_to_student_registered_events(
        self, handler: Callable[[StudentRegisteredEvent], Awaitable[None]]
    ) -> None:
        self.student_event_service.listen_to_student_registered_events(handler)

    def listen_to_student_registered_event_batches(
        self,
        handler: Callable[
            [Sequence[StudentRegisteredEvent]], Awaitable[Sequence[Exception | None]]
        ],
    ) -> None:
        self.student_event_service.listen_to_student_registered_event_batches(handler)

    @try_catch_each_student_event_processing
    async def publish_student_outcomes(
        self, publications: Sequence[OutcomePublication]
    ) -> list[Exception | None]:
        return list(await self.student_event_service.publish_student_outcomes(publications))

    @try_catch_student_event_processing
    async def publish_student_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.student_event_service.publish_student_outcome(
            outcome, cause_id=cause_id, correlation_id=correlation_id
        )
