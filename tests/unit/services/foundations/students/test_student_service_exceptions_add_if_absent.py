from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.storages.errors import duplicate_key_of, storage_failure_of
from contracts.students.exceptions.foundations import (
    AlreadyExistsStudentError,
    FailedStudentServiceError,
    FailedStudentStorageError,
    StudentDependencyError,
    StudentDependencyValidationError,
    StudentServiceError,
)
from services.foundations.students import StudentService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_message,
    create_random_student,
    create_student_document,
)
from tests.unit.services.foundations.students.conftest import (
    STORAGE_UNAVAILABLE_ERROR_IDS,
    STORAGE_UNAVAILABLE_ERRORS,
    UNEXPECTED_ERROR_IDS,
    UNEXPECTED_ERRORS,
    StorageErrorFactory,
    create_duplicate_key_error,
)


async def test_should_raise_dependency_validation_error_on_add_if_absent_if_email_taken_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_student = create_random_student(faker, now.date())
    input_student = random_student
    storage_document = create_student_document(input_student)
    duplicate_key_error = create_duplicate_key_error(create_random_message(faker))
    storage_broker.insert_student_if_absent.side_effect = duplicate_key_error
    already_exists_student_error = AlreadyExistsStudentError(duplicate_key_of(duplicate_key_error))
    expected_student_dependency_validation_error = StudentDependencyValidationError(
        already_exists_student_error
    )

    # when
    with pytest.raises(StudentDependencyValidationError) as error_info:
        await student_service.add_student_if_absent(input_student)

    # then
    assert error_info.value == expected_student_dependency_validation_error
    assert error_info.value.__cause__ is duplicate_key_error
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert storage_broker.mock_calls == [call.insert_student_if_absent(storage_document)]
    assert logging_broker.mock_calls == [
        create_error_log_call(expected_student_dependency_validation_error)
    ]


@pytest.mark.parametrize(
    "create_storage_error", STORAGE_UNAVAILABLE_ERRORS, ids=STORAGE_UNAVAILABLE_ERROR_IDS
)
async def test_should_raise_dependency_error_on_add_if_absent_if_storage_is_unavailable_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_storage_error: StorageErrorFactory,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_student = create_random_student(faker, now.date())
    input_student = random_student
    storage_document = create_student_document(input_student)
    storage_error = create_storage_error(create_random_message(faker))
    storage_broker.insert_student_if_absent.side_effect = storage_error
    failed_student_storage_error = FailedStudentStorageError(storage_failure_of(storage_error))
    expected_student_dependency_error = StudentDependencyError(failed_student_storage_error)

    # when
    with pytest.raises(StudentDependencyError) as error_info:
        await student_service.add_student_if_absent(input_student)

    # then
    assert error_info.value == expected_student_dependency_error
    assert error_info.value.__cause__ is storage_error
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert storage_broker.mock_calls == [call.insert_student_if_absent(storage_document)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_student_dependency_error)]


@pytest.mark.parametrize("create_error", UNEXPECTED_ERRORS, ids=UNEXPECTED_ERROR_IDS)
async def test_should_raise_service_error_on_add_if_absent_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_error: StorageErrorFactory,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_student = create_random_student(faker, now.date())
    input_student = random_student
    storage_document = create_student_document(input_student)
    unexpected_error = create_error(create_random_message(faker))
    storage_broker.insert_student_if_absent.side_effect = unexpected_error
    failed_student_service_error = FailedStudentServiceError(storage_failure_of(unexpected_error))
    expected_student_service_error = StudentServiceError(failed_student_service_error)

    # when
    with pytest.raises(StudentServiceError) as error_info:
        await student_service.add_student_if_absent(input_student)

    # then
    assert error_info.value == expected_student_service_error
    assert error_info.value.__cause__ is unexpected_error
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert storage_broker.mock_calls == [call.insert_student_if_absent(storage_document)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_student_service_error)]
