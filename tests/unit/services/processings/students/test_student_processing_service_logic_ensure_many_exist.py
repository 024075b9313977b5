"""Ensuring a batch of students: one write below, each student's fate its own."""

from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.students.exceptions.foundations import (
    AlreadyExistsStudentError,
    FailedStudentStorageError,
    InvalidStudentError,
    StudentDependencyError,
    StudentDependencyValidationError,
    StudentValidationError,
)
from contracts.students.exceptions.processings import (
    ConflictingStudentError,
    StudentProcessingDependencyError,
    StudentProcessingDependencyValidationError,
)
from services.processings.students import StudentProcessingService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_message,
    create_random_student,
)


async def test_should_ensure_students_exist(
    *,
    faker: Faker,
    now: datetime,
    student_processing_service: StudentProcessingService,
    student_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_students = [create_random_student(faker, now.date()) for _ in range(3)]
    stored_students = [student.model_copy(deep=True) for student in input_students]
    student_service.add_students_if_absent.return_value = stored_students
    expected_students = [student.model_copy(deep=True) for student in input_students]

    # when
    actual_students = await student_processing_service.ensure_students_exist(input_students)

    # then
    assert actual_students == expected_students
    assert student_service.mock_calls == [call.add_students_if_absent(input_students)]
    assert logging_broker.mock_calls == []


async def test_should_give_each_student_its_own_error_when_ensuring_a_mixed_batch(
    *,
    faker: Faker,
    now: datetime,
    student_processing_service: StudentProcessingService,
    student_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: stored as is, stored with other details, invalid, email taken, storage away
    input_students = [create_random_student(faker, now.date()) for _ in range(5)]
    same, conflicting = input_students[:2]
    other_details = create_random_student(faker, now.date()).model_copy(
        update={"id": conflicting.id}
    )
    invalid_error = StudentValidationError(
        InvalidStudentError({"email": [create_random_message(faker)]})
    )
    taken_error = StudentDependencyValidationError(AlreadyExistsStudentError("email"))
    unavailable_error = StudentDependencyError(FailedStudentStorageError("ConnectionFailure"))
    student_service.add_students_if_absent.return_value = [
        same.model_copy(deep=True),
        other_details,
        invalid_error,
        taken_error,
        unavailable_error,
    ]
    expected_conflict = StudentProcessingDependencyValidationError(
        ConflictingStudentError(conflicting.id)
    )
    expected_invalid = StudentProcessingDependencyValidationError(invalid_error.inner_error)
    expected_taken = StudentProcessingDependencyValidationError(taken_error.inner_error)
    expected_unavailable = StudentProcessingDependencyError(unavailable_error.inner_error)

    # when
    actual_results = await student_processing_service.ensure_students_exist(input_students)

    # then
    assert actual_results == [
        same,
        expected_conflict,
        expected_invalid,
        expected_taken,
        expected_unavailable,
    ]
    assert actual_results[2].__cause__ is invalid_error  # type: ignore[union-attr]
    assert student_service.mock_calls == [call.add_students_if_absent(input_students)]
    assert logging_broker.mock_calls == [
        create_error_log_call(expected_conflict),
        create_error_log_call(expected_invalid),
        create_error_log_call(expected_taken),
        create_error_log_call(expected_unavailable),
    ]
