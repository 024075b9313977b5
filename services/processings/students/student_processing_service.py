from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from contracts.students import Student
from contracts.students.exceptions.processings import ConflictingStudentError
from services.foundations.students import StudentService
from services.processings.bulk_ensures import conflicts_marked
from services.processings.students.student_processing_service_exceptions import (
    try_catch_each_student_processing,
    try_catch_student_processing,
)


class StudentProcessingService:
    def __init__(self, student_service: StudentService, logging_broker: LoggingBroker) -> None:
        self.student_service = student_service
        self.logging_broker = logging_broker

    @try_catch_student_processing
    async def ensure_student_exists(self, student: Student) -> Student:
        """Add the student unless stored already; the same id with other details is a conflict.

        Safe under concurrency: several workers may ensure the same student at once.
        """
        # One round trip whether the student is new or stored already as it is: the add is an
        # insert-if-absent through the unique index that reads only on a duplicate key.
        stored = await self.student_service.add_student_if_absent(student)
        if stored != student:
            raise ConflictingStudentError(student.id)
        return stored

    @try_catch_each_student_processing
    async def ensure_students_exist(self, students: Sequence[Student]) -> list[Student | Exception]:
        """``ensure_student_exists`` for every student in one write, each result in its place."""
        stored = await self.student_service.add_students_if_absent(students)
        return conflicts_marked(
            students, stored, lambda student: ConflictingStudentError(student.id)
        )
