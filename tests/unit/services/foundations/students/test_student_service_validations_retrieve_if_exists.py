from __future__ import annotations

from unittest.mock import Mock

import pytest

from contracts.students.exceptions.foundations import InvalidStudentError, StudentValidationError
from services.foundations.students import StudentService
from tests.unit.services.conftest import create_error_log_call

INVALID_IDS = ["", " ", "not-a-uuid", "0123456789abcdef0123456789abcdef----"]


@pytest.mark.parametrize("invalid_student_id", INVALID_IDS)
async def test_should_raise_validation_error_on_retrieve_if_exists_if_id_is_invalid_and_log_it(
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
        await student_service.retrieve_student_if_exists(invalid_student_id)

    # then
    assert error_info.value == expected_student_validation_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_student_validation_error)]
    assert storage_broker.mock_calls == []
    assert date_time_broker.mock_calls == []
