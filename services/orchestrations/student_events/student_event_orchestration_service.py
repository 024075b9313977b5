from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from contracts.errors import CategorizedError
from contracts.events import StudentRegisteredEvent
from services.orchestrations.student_events.student_event_orchestration_service_exceptions import (
    try_catch_each_student_orchestration,
)
from services.orchestrations.student_events.student_event_orchestration_service_mappings import (
    map_to_failed_outcome,
    map_to_persisted_publication,
    map_to_student,
)
from services.processings.student_events import StudentEventProcessingService
from services.processings.students import StudentProcessingService
from services.try_catch import in_places


class StudentEventOrchestrationService:
    def __init__(
        self,
        student_event_processing_service: StudentEventProcessingService,
        student_processing_service: StudentProcessingService,
        logging_broker: LoggingBroker,
    ) -> None:
        self.student_event_processing_service = student_event_processing_service
        self.student_processing_service = student_processing_service
        self.logging_broker = logging_broker

    def listen_to_student_events(self) -> None:
        self.student_event_processing_service.listen_to_student_registered_event_batches(
            self.process_student_events
        )

    @try_catch_each_student_orchestration
    async def process_student_events(
        self, student_events: Sequence[StudentRegisteredEvent]
    ) -> list[Exception | None]:
        """One write for the whole batch, the outcomes' confirms together.

        Each event keeps its own fate: one that fails is answered with its error alone.
        """
        students = [map_to_student(student_event) for student_event in student_events]
        stored = await self.student_processing_service.ensure_students_exist(students)
        published = await self.student_event_processing_service.publish_student_outcomes(
            [
                map_to_persisted_publication(student, student_event)
                for student, student_event in zip(stored, student_events, strict=True)
                if not isinstance(student, Exception)
            ]
        )
        return in_places(stored, published)

    async def publish_failure(
        self, student_event: StudentRegisteredEvent, error: CategorizedError
    ) -> None:
        await self.student_event_processing_service.publish_student_outcome(
            map_to_failed_outcome(student_event, str(error.inner_error)),
            cause_id=student_event.id,
            correlation_id=student_event.correlationid,
        )
