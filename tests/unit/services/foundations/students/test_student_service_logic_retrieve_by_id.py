from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from services.foundations.students import StudentService
from tests.unit.services.conftest import create_random_student, create_student_document


async def test_should_retrieve_student_by_id(
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
    expected_student = random_student
    storage_broker.select_student_by_id.return_value = storage_document

    # when
    actual_student = await student_service.retrieve_student_by_id(input_student_id)

    # then
    assert actual_student == expected_student
    assert storage_broker.mock_calls == [call.select_student_by_id(input_student_id)]
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == []
