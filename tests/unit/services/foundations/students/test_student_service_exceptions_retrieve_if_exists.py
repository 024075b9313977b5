from __future__ import annotations

from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.storages.errors import storage_failure_of
from contracts.students.exceptions.foundations import (
    FailedStudentServiceError,
    FailedStudentStorageError,
    StudentDependencyError,
    StudentServiceError,
)
from services.foundations.students import StudentService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
    create_random_message,
)
from tests.unit.services.foundations.students.conftest import (
    STORAGE_UNAVAILABLE_ERROR_IDS,
    STORAGE_UNAVAILABLE_ERRORS,
    UNEXPECTED_ERROR_IDS,
    UNEXPECTED_ERRORS,
    StorageErrorFactory,
)


@pytest.mark.parametrize(
    "create_storage_error", STORAGE_UNAVAILABLE_ERRORS, ids=STORAGE_UNAVAILABLE_ERROR_IDS
)
async def test_should_raise_dependency_error_on_retrieve_if_exists_if_unavailable_and_log_it(
    *,
    faker: Faker,
    create_storage_error: StorageErrorFactory,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_student_id = create_random_id(faker)
    input_student_id = random_student_id
    storage_error = create_storage_error(create_random_message(faker))
    storage_broker.select_student_by_id.side_effect = storage_error
    failed_student_storage_error = FailedStudentStorageError(storage_failure_of(storage_error))
    expected_student_dependency_error = StudentDependencyError(failed_student_storage_error)

    # when
    with pytest.raises(StudentDependencyError) as error_info:
        await student_service.retrieve_student_if_exists(input_student_id)

    # then
    assert error_info.value == expected_student_dependency_error
    assert error_info.value.__cause__ is storage_error
    assert storage_broker.mock_calls == [call.select_student_by_id(input_student_id)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_student_dependency_error)]
    assert date_time_broker.mock_calls == []


@pytest.mark.parametrize("create_error", UNEXPECTED_ERRORS, ids=UNEXPECTED_ERROR_IDS)
async def test_should_raise_service_error_on_retrieve_if_exists_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    create_error: StorageErrorFactory,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_student_id = create_random_id(faker)
    input_student_id = random_student_id
    unexpected_error = create_error(create_random_message(faker))
    storage_broker.select_student_by_id.side_effect = unexpected_error
    failed_student_service_error = FailedStudentServiceError(storage_failure_of(unexpected_error))
    expected_student_service_error = StudentServiceError(failed_student_service_error)

    # when
    with pytest.raises(StudentServiceError) as error_info:
        await student_service.retrieve_student_if_exists(input_student_id)

    # then
    assert error_info.value == expected_student_service_error
    assert error_info.value.__cause__ is unexpected_error
    assert storage_broker.mock_calls == [call.select_student_by_id(input_student_id)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_student_service_error)]
    assert date_time_broker.mock_calls == []
