from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from services.foundations.students import StudentService
from tests.unit.services.conftest import (
    create_random_id,
    create_random_student,
    create_student_document,
)


async def test_should_retrieve_student_if_exists(
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
    input_student_id = random_student.id
    storage_document = create_student_document(random_student)
    expected_student = random_student.model_copy(deep=True)
    storage_broker.select_student_by_id.return_value = storage_document

    # when
    actual_student = await student_service.retrieve_student_if_exists(input_student_id)

    # then
    assert actual_student == expected_student
    assert storage_broker.mock_calls == [call.select_student_by_id(input_student_id)]
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == []


async def test_should_retrieve_nothing_if_student_does_not_exist(
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

    # when
    actual_student = await student_service.retrieve_student_if_exists(input_student_id)

    # then: absence is an answer here, not an error
    assert actual_student is None
    assert storage_broker.mock_calls == [call.select_student_by_id(input_student_id)]
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == []
