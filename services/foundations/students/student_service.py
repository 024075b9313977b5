from __future__ import annotations

import functools
from collections.abc import Sequence

from brokers.datetimes import DateTimeBroker
from brokers.loggings import LoggingBroker
from brokers.storages import StorageBroker
from contracts.students import Student
from contracts.students.exceptions.foundations import NotFoundStudentError
from services.foundations.bulk_additions import BulkWrite, add_each
from services.foundations.students.student_service_exceptions import (
    try_catch_each_student,
    try_catch_student,
)
from services.foundations.students.student_service_mappings import (
    map_to_document,
    map_to_student,
)
from services.foundations.students.student_service_validations import (
    validate_student,
    validate_student_id,
)


class StudentService:
    def __init__(
        self,
        storage_broker: StorageBroker,
        date_time_broker: DateTimeBroker,
        logging_broker: LoggingBroker,
    ) -> None:
        self.storage_broker = storage_broker
        self.date_time_broker = date_time_broker
        self.logging_broker = logging_broker

    @try_catch_student
    async def add_student(self, student: Student) -> Student:
        validate_student(student, self.date_time_broker.get_current_date())
        stored = await self.storage_broker.insert_student(map_to_document(student))
        return map_to_student(stored)

    @try_catch_each_student
    async def add_students(self, students: Sequence[Student]) -> list[Student | Exception]:
        """Add every student in one write; each one's stored student or its own error."""
        return await self._add_each(students, self.storage_broker.insert_students)

    @try_catch_each_student
    async def add_students_if_absent(
        self, students: Sequence[Student]
    ) -> list[Student | Exception]:
        """Add every student in one write, or answer the one stored under its id already.

        The stored student is not compared with the one given; each result is in its place.
        """
        return await self._add_each(students, self.storage_broker.insert_students_if_absent)

    async def _add_each(
        self, students: Sequence[Student], write: BulkWrite
    ) -> list[Student | Exception]:
        return await add_each(
            students,
            validate=functools.partial(
                validate_student, today=self.date_time_broker.get_current_date()
            ),
            to_document=map_to_document,
            write=write,
            from_document=map_to_student,
        )

    @try_catch_student
    async def retrieve_student_by_id(self, student_id: str) -> Student:
        validate_student_id(student_id)
        stored = await self.storage_broker.select_student_by_id(student_id)
        if stored is None:
            raise NotFoundStudentError(student_id)
        return map_to_student(stored)

    @try_catch_student
    async def retrieve_student_if_exists(self, student_id: str) -> Student | None:
        validate_student_id(student_id)
        stored = await self.storage_broker.select_student_by_id(student_id)
        return None if stored is None else map_to_student(stored)

    @try_catch_student
    async def modify_student(self, student: Student) -> Student:
        validate_student(student, self.date_time_broker.get_current_date())
        stored = await self.storage_broker.update_student(map_to_document(student))
        if stored is None:
            raise NotFoundStudentError(student.id)
        return map_to_student(stored)
