from __future__ import annotations

from collections.abc import Sequence

from brokers.datetimes import DateTimeBroker
from brokers.loggings import LoggingBroker
from brokers.storages import StorageBroker
from contracts.students import Student
from contracts.students.exceptions.foundations import NotFoundStudentError
from services.foundations.students.student_service_exceptions import (
    try_catch_each_student,
    try_catch_student,
)
from services.foundations.students.student_service_mappings import (
    map_to_document,
    map_to_student,
    map_to_student_or_error,
)
from services.foundations.students.student_service_validations import (
    validate_each_student,
    validate_student,
    validate_student_id,
)
from services.try_catch import in_places, passed


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

    @try_catch_student
    async def add_student_if_absent(self, student: Student) -> Student:
        """Add the student, or return the one already stored under its id (not compared)."""
        validate_student(student, self.date_time_broker.get_current_date())
        stored = await self.storage_broker.insert_student_if_absent(map_to_document(student))
        return map_to_student(stored)

    @try_catch_each_student
    async def add_students(self, students: Sequence[Student]) -> list[Student | Exception]:
        """Add every student in one write; each one's stored student or its own error."""
        checked = validate_each_student(students, self.date_time_broker.get_current_date())
        documents = [map_to_document(student) for student in passed(checked)]
        stored = await self.storage_broker.insert_students(documents) if documents else []
        return in_places(checked, [map_to_student_or_error(result) for result in stored])

    @try_catch_each_student
    async def add_students_if_absent(
        self, students: Sequence[Student]
    ) -> list[Student | Exception]:
        """``add_student_if_absent`` for every student in one write, each result in its place."""
        checked = validate_each_student(students, self.date_time_broker.get_current_date())
        documents = [map_to_document(student) for student in passed(checked)]
        stored = await self.storage_broker.insert_students_if_absent(documents) if documents else []
        return in_places(checked, [map_to_student_or_error(result) for result in stored])

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
