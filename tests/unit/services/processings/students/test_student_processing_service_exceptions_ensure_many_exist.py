"""Ensuring a batch of students when the add below refuses, fails, or stored other details."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, ErrorCategory, LocalizedError
from contracts.students.exceptions.foundations import (
    AlreadyExistsStudentError,
    FailedStudentServiceError,
    FailedStudentStorageError,
    InvalidStudentError,
    StudentDependencyError,
    StudentDependencyValidationError,
    StudentServiceError,
    StudentValidationError,
)
from contracts.students.exceptions.processings import (
    ConflictingStudentError,
    FailedStudentProcessingServiceError,
    StudentProcessingDependencyError,
    StudentProcessingDependencyValidationError,
    StudentProcessingServiceError,
)
from services.processings.students import StudentProcessingService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_message,
    create_random_student,
)

# Each changes one detail of the stored student, so every field is compared.
CHANGED_FIELDS = ["first_name", "last_name", "date_of_birth", "email"]


@pytest.mark.parametrize("changed_field", CHANGED_FIELDS)
async def test_should_give_dependency_validation_error_on_ensure_if_conflicting_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    changed_field: str,
    student_processing_service: StudentProcessingService,
    student_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: stored earlier under the id with one other detail; the add returns that one
    input_student = create_random_student(faker, now.date())
    other_student = create_random_student(faker, now.date())
    stored_student = input_student.model_copy(
        update={changed_field: getattr(other_student, changed_field)}
    )
    student_service.add_students_if_absent.return_value = [stored_student]
    expected_error = StudentProcessingDependencyValidationError(
        ConflictingStudentError(input_student.id)
    )

    # when
    actual_results = await student_processing_service.ensure_students_exist([input_student])

    # then
    assert stored_student != input_student
    assert actual_results == [expected_error]
    assert student_service.mock_calls == [call.add_students_if_absent([input_student])]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


ErrorCase = Callable[[str], tuple[Exception, CategorizedError, ErrorCategory]]


def refused_as_invalid(message: str) -> tuple[Exception, CategorizedError, ErrorCategory]:
    inner = InvalidStudentError({"email": [message]})
    expected = StudentProcessingDependencyValidationError(inner)
    return StudentValidationError(inner), expected, ErrorCategory.VALIDATION


def refused_as_taken(message: str) -> tuple[Exception, CategorizedError, ErrorCategory]:
    inner = AlreadyExistsStudentError(message)
    expected = StudentProcessingDependencyValidationError(inner)
    return StudentDependencyValidationError(inner), expected, ErrorCategory.DEPENDENCY_VALIDATION


def failed_below(message: str) -> tuple[Exception, CategorizedError, ErrorCategory]:
    inner = FailedStudentStorageError(message)
    expected = StudentProcessingDependencyError(inner)
    return StudentDependencyError(inner), expected, ErrorCategory.DEPENDENCY


def broken_below(message: str) -> tuple[Exception, CategorizedError, ErrorCategory]:
    inner: LocalizedError = FailedStudentServiceError(message)
    return (
        StudentServiceError(inner),
        StudentProcessingDependencyError(inner),
        ErrorCategory.SERVICE,
    )


def broken_here(message: str) -> tuple[Exception, CategorizedError, ErrorCategory]:
    error = RuntimeError(message)
    inner = FailedStudentProcessingServiceError(type(error).__name__)
    return error, StudentProcessingServiceError(inner), ErrorCategory.SERVICE


# What the add below may raise for the whole batch, what each student gets for it, and the
# category it is rooted in (a bug below stays a bug, though it is this service's dependency).
ERROR_CASES = [
    pytest.param(refused_as_invalid, id="StudentValidationError"),
    pytest.param(refused_as_taken, id="StudentDependencyValidationError"),
    pytest.param(failed_below, id="StudentDependencyError"),
    pytest.param(broken_below, id="StudentServiceError"),
    pytest.param(broken_here, id="RuntimeError"),
]


@pytest.mark.parametrize("error_case", ERROR_CASES)
async def test_should_give_every_student_the_error_on_ensure_if_the_add_raises_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    error_case: ErrorCase,
    student_processing_service: StudentProcessingService,
    student_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_students = [create_random_student(faker, now.date()) for _ in range(2)]
    student_error, expected_error, expected_root = error_case(create_random_message(faker))
    student_service.add_students_if_absent.side_effect = student_error

    # when
    actual_results = await student_processing_service.ensure_students_exist(input_students)

    # then: one failure, one line, for every student alike
    assert actual_results == [expected_error, expected_error]
    for actual_error in actual_results:
        assert isinstance(actual_error, CategorizedError)
        assert actual_error.__cause__ is student_error
        assert actual_error.root_category is expected_root
    assert student_service.mock_calls == [call.add_students_if_absent(input_students)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
