from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from contracts.students import Student
from contracts.students.exceptions.processings import ConflictingStudentError
from services.foundations.students import StudentService
from services.processings.bulk_ensures import conflicts_marked
from services.processings.students.student_processing_service_exceptions import (
    try_catch_each_student_processing,
)


class StudentProcessingService:
    def __init__(self, student_service: StudentService, logging_broker: LoggingBroker) -> None:
        self.student_service = student_service
        self.logging_broker = logging_broker

    @try_catch_each_student_processing
    async def ensure_students_exist(self, students: Sequence[Student]) -> list[Student | Exception]:
        """Add each student unless stored already, in one write, each result in its place.

        The same id stored with other details is that student's conflict. Safe under
        concurrency: several workers may ensure the same student at once.
        """
        stored = await self.student_service.add_students_if_absent(students)
        return conflicts_marked(
            students, stored, lambda student: ConflictingStudentError(student.id)
        )
