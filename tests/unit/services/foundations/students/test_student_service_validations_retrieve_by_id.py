from __future__ import annotations

from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.students.exceptions.foundations import (
    InvalidStudentError,
    NotFoundStudentError,
    StudentValidationError,
)
from services.foundations.students import StudentService
from tests.unit.services.conftest import create_error_log_call, create_random_id

INVALID_IDS = ["", " ", "not-a-uuid", "0123456789abcdef0123456789abcdef----"]


@pytest.mark.parametrize("invalid_student_id", INVALID_IDS)
async def test_should_raise_validation_error_on_retrieve_by_id_if_id_is_invalid_and_log_it(
    *,
    invalid_student_id: str,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    invalid_student_error = InvalidStudentError({"id": ["Id is not a valid UUID."]})
    expected_student_validation_error = StudentValidationError(invalid_student_error)

    # when
    with pytest.raises(StudentValidationError) as error_info:
        await student_service.retrieve_student_by_id(invalid_student_id)

    # then
    assert error_info.value == expected_student_validation_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_student_validation_error)]
    assert storage_broker.mock_calls == []
    assert date_time_broker.mock_calls == []


async def test_should_raise_validation_error_on_retrieve_by_id_if_student_is_not_found_and_log_it(
    *,
    faker: Faker,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_student_id = create_random_id(faker)
    input_student_id = random_student_id
    storage_broker.select_student_by_id.return_value = None
    not_found_student_error = NotFoundStudentError(input_student_id)
    expected_student_validation_error = StudentValidationError(not_found_student_error)

    # when
    with pytest.raises(StudentValidationError) as error_info:
        await student_service.retrieve_student_by_id(input_student_id)

    # then
    assert error_info.value == expected_student_validation_error
    assert storage_broker.mock_calls == [call.select_student_by_id(input_student_id)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_student_validation_error)]
    assert date_time_broker.mock_calls == []
