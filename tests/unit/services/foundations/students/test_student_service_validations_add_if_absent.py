from __future__ import annotations

from datetime import datetime, timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.students import Student
from contracts.students.exceptions.foundations import InvalidStudentError, StudentValidationError
from services.foundations.students import StudentService
from tests.unit.services.conftest import create_error_log_call, create_random_student


async def test_should_raise_validation_error_on_add_if_absent_if_student_is_invalid_and_log_it(
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
    invalid_student = Student.model_construct(
        **random_student.model_dump()
        | {
            "id": faker.word(),
            "first_name": " ",
            "last_name": "",
            "date_of_birth": now.date() + timedelta(days=1),
        }
    )
    invalid_student_error = InvalidStudentError(
        {
            "id": ["Id is not a valid UUID."],
            "first_name": ["Text is required."],
            "last_name": ["Text is required."],
            "date_of_birth": ["Date must be in the past."],
        }
    )
    expected_student_validation_error = StudentValidationError(invalid_student_error)

    # when
    with pytest.raises(StudentValidationError) as error_info:
        await student_service.add_student_if_absent(invalid_student)

    # then
    assert error_info.value == expected_student_validation_error
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert logging_broker.mock_calls == [create_error_log_call(expected_student_validation_error)]
    assert storage_broker.mock_calls == []
