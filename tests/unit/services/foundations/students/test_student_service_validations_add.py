from __future__ import annotations

from datetime import date, datetime, timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.students import Student
from contracts.students.exceptions.foundations import InvalidStudentError, StudentValidationError
from services.foundations.students import StudentService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_student,
    create_student_document,
)

INVALID_IDS = [
    "",
    "not-a-uuid",
    "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
    # 32 hex digits with the hyphens at the end: uuid.UUID() would take it.
    "0123456789abcdef0123456789abcdef----",
    "{12345678-1234-1234-1234-1234567890}",
]
BLANK_TEXTS = ["", " ", "\t\n "]

# Today, and the earliest date of birth that is at most 120 years before it.
OLDEST_DATES_OF_BIRTH = [
    pytest.param(date(2025, 6, 15), date(1905, 6, 15), id="mid-month"),
    pytest.param(date(2025, 3, 31), date(1905, 3, 31), id="31st"),
    pytest.param(date(2025, 1, 29), date(1905, 1, 29), id="29th"),
    pytest.param(date(2024, 2, 29), date(1904, 2, 29), id="leap-day-in-leap-year"),
    pytest.param(date(2020, 2, 29), date(1900, 2, 28), id="leap-day-in-common-year"),
]


def create_invalid_student(
    faker: Faker, today: date, invalid_id: str, blank_text: str, date_of_birth: date
) -> Student:
    # model_construct skips the contract's own checks, as a caller holding a bad model would.
    return Student.model_construct(
        **create_random_student(faker, today).model_dump()
        | {
            "id": invalid_id,
            "first_name": blank_text,
            "last_name": blank_text,
            "date_of_birth": date_of_birth,
        }
    )


@pytest.mark.parametrize("invalid_id", INVALID_IDS)
@pytest.mark.parametrize("blank_text", BLANK_TEXTS)
async def test_should_raise_validation_error_on_add_if_student_is_invalid_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    invalid_id: str,
    blank_text: str,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    today = now.date()
    invalid_student = create_invalid_student(faker, today, invalid_id, blank_text, today)
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
        await student_service.add_student(invalid_student)

    # then
    assert error_info.value == expected_student_validation_error
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert logging_broker.mock_calls == [create_error_log_call(expected_student_validation_error)]
    assert storage_broker.mock_calls == []


@pytest.mark.parametrize("days_ahead", [0, 1, 365 * 30])
async def test_should_raise_validation_error_on_add_if_date_of_birth_is_not_in_the_past_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    days_ahead: int,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_student = create_random_student(faker, now.date())
    invalid_student = random_student.model_copy(
        update={"date_of_birth": now.date() + timedelta(days=days_ahead)}
    )
    invalid_student_error = InvalidStudentError({"date_of_birth": ["Date must be in the past."]})
    expected_student_validation_error = StudentValidationError(invalid_student_error)

    # when
    with pytest.raises(StudentValidationError) as error_info:
        await student_service.add_student(invalid_student)

    # then
    assert error_info.value == expected_student_validation_error
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert logging_broker.mock_calls == [create_error_log_call(expected_student_validation_error)]
    assert storage_broker.mock_calls == []


@pytest.mark.parametrize(("today", "oldest_date_of_birth"), OLDEST_DATES_OF_BIRTH)
async def test_should_raise_validation_error_on_add_if_date_of_birth_is_too_old_and_log_it(
    *,
    faker: Faker,
    today: date,
    oldest_date_of_birth: date,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    date_time_broker.get_current_date.return_value = today
    random_student = create_random_student(faker, today)
    invalid_student = random_student.model_copy(
        update={"date_of_birth": oldest_date_of_birth - timedelta(days=1)}
    )
    invalid_student_error = InvalidStudentError(
        {"date_of_birth": ["Date must be at most 120 years ago."]}
    )
    expected_student_validation_error = StudentValidationError(invalid_student_error)

    # when
    with pytest.raises(StudentValidationError) as error_info:
        await student_service.add_student(invalid_student)

    # then
    assert error_info.value == expected_student_validation_error
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert logging_broker.mock_calls == [create_error_log_call(expected_student_validation_error)]
    assert storage_broker.mock_calls == []


@pytest.mark.parametrize(("today", "oldest_date_of_birth"), OLDEST_DATES_OF_BIRTH)
async def test_should_add_student_born_at_most_120_years_ago(
    *,
    faker: Faker,
    today: date,
    oldest_date_of_birth: date,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    date_time_broker.get_current_date.return_value = today
    random_student = create_random_student(faker, today)
    input_student = random_student.model_copy(update={"date_of_birth": oldest_date_of_birth})
    storage_document = create_student_document(input_student)
    expected_student = input_student
    storage_broker.insert_student.return_value = storage_document

    # when
    actual_student = await student_service.add_student(input_student)

    # then
    assert actual_student == expected_student
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert storage_broker.mock_calls == [call.insert_student(storage_document)]
    assert logging_broker.mock_calls == []
