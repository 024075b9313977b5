from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from services.foundations.students import StudentService
from tests.unit.services.conftest import create_random_student, create_student_document


async def test_should_add_student_if_absent(
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
    expected_student = input_student.model_copy(deep=True)
    storage_broker.insert_student_if_absent.return_value = dict(storage_document)

    # when
    actual_student = await student_service.add_student_if_absent(input_student)

    # then
    assert actual_student == expected_student
    assert actual_student is not input_student
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert storage_broker.mock_calls == [call.insert_student_if_absent(storage_document)]
    assert logging_broker.mock_calls == []


async def test_should_return_stored_student_on_add_if_absent_if_id_is_taken(
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
    input_document = create_student_document(input_student)
    storage_student = create_random_student(faker, now.date()).model_copy(
        update={"id": input_student.id}
    )
    storage_document = create_student_document(storage_student)
    expected_student = storage_student
    storage_broker.insert_student_if_absent.return_value = storage_document

    # when
    actual_student = await student_service.add_student_if_absent(input_student)

    # then
    assert actual_student == expected_student
    assert actual_student != input_student
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert storage_broker.mock_calls == [call.insert_student_if_absent(input_document)]
    assert logging_broker.mock_calls == []
