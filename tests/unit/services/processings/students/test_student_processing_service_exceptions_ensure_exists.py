from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from unittest.mock import Mock, _Call, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, LocalizedError
from contracts.students import Student
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


def arrange_failure(student_service: Mock, input_student: Student, error: Exception) -> list[_Call]:
    """Make the add raise ``error``; returns the calls expected up to it."""
    student_service.add_student_if_absent.side_effect = error
    return [call.add_student_if_absent(input_student)]


# A refused input below is this service's dependency validation; the localized error stays.
DEPENDENCY_VALIDATION_ERRORS = [
    pytest.param(
        lambda message: StudentValidationError(InvalidStudentError({"email": [message]})),
        id="StudentValidationError",
    ),
    pytest.param(
        lambda message: StudentDependencyValidationError(AlreadyExistsStudentError(message)),
        id="StudentDependencyValidationError",
    ),
]


@pytest.mark.parametrize("create_student_error", DEPENDENCY_VALIDATION_ERRORS)
async def test_should_raise_dependency_validation_error_on_ensure_exists_if_refused_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_student_error: Callable[[str], CategorizedError],
    student_processing_service: StudentProcessingService,
    student_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_student = create_random_student(faker, now.date())
    input_student = random_student
    student_error = create_student_error(create_random_message(faker))
    expected_calls = arrange_failure(student_service, input_student, student_error)
    expected_dependency_validation_error = StudentProcessingDependencyValidationError(
        student_error.inner_error
    )

    # when
    with pytest.raises(StudentProcessingDependencyValidationError) as error_info:
        await student_processing_service.ensure_student_exists(input_student)

    # then
    assert error_info.value == expected_dependency_validation_error
    assert error_info.value.__cause__ is student_error
    assert student_service.mock_calls == expected_calls
    assert logging_broker.mock_calls == [
        create_error_log_call(expected_dependency_validation_error)
    ]


async def test_should_raise_dependency_error_on_ensure_exists_if_dependency_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    student_processing_service: StudentProcessingService,
    student_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_student = create_random_student(faker, now.date())
    input_student = random_student
    failed_storage_error = FailedStudentStorageError(create_random_message(faker))
    student_dependency_error = StudentDependencyError(failed_storage_error)
    expected_calls = arrange_failure(student_service, input_student, student_dependency_error)
    expected_dependency_error = StudentProcessingDependencyError(failed_storage_error)

    # when
    with pytest.raises(StudentProcessingDependencyError) as error_info:
        await student_processing_service.ensure_student_exists(input_student)

    # then
    assert error_info.value == expected_dependency_error
    assert error_info.value.__cause__ is student_dependency_error
    assert student_service.mock_calls == expected_calls
    assert logging_broker.mock_calls == [create_error_log_call(expected_dependency_error)]


def create_student_service_error(message: str) -> tuple[Exception, LocalizedError]:
    failed_service_error = FailedStudentServiceError(message)
    return StudentServiceError(failed_service_error), failed_service_error


def create_unexpected_error(message: str) -> tuple[Exception, LocalizedError]:
    unexpected_error = RuntimeError(message)
    return unexpected_error, FailedStudentProcessingServiceError(type(unexpected_error).__name__)


@pytest.mark.parametrize(
    "create_error_and_inner_error",
    [
        pytest.param(create_student_service_error, id="StudentServiceError"),
        pytest.param(create_unexpected_error, id="RuntimeError"),
    ],
)
async def test_should_raise_service_error_on_ensure_exists_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_error_and_inner_error: Callable[[str], tuple[Exception, LocalizedError]],
    student_processing_service: StudentProcessingService,
    student_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_student = create_random_student(faker, now.date())
    input_student = random_student
    service_error, inner_error = create_error_and_inner_error(create_random_message(faker))
    expected_calls = arrange_failure(student_service, input_student, service_error)
    expected_service_error = StudentProcessingServiceError(inner_error)

    # when
    with pytest.raises(StudentProcessingServiceError) as error_info:
        await student_processing_service.ensure_student_exists(input_student)

    # then
    assert error_info.value == expected_service_error
    assert error_info.value.__cause__ is service_error
    assert student_service.mock_calls == expected_calls
    assert logging_broker.mock_calls == [create_error_log_call(expected_service_error)]
