from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from services.foundations.students import StudentService
from tests.unit.services.conftest import create_random_student, create_student_document


async def test_should_add_students(
    *,
    faker: Faker,
    now: datetime,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_students = [create_random_student(faker, now.date()) for _ in range(3)]
    input_students = random_students
    storage_documents = [create_student_document(student) for student in input_students]
    expected_students = [student.model_copy(deep=True) for student in input_students]
    storage_broker.insert_students.return_value = [dict(d) for d in storage_documents]

    # when
    actual_students = await student_service.add_students(input_students)

    # then
    assert actual_students == expected_students
    assert all(a is not i for a, i in zip(actual_students, input_students, strict=True))
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert storage_broker.mock_calls == [call.insert_students(storage_documents)]
    assert logging_broker.mock_calls == []


async def test_should_add_students_if_absent_with_stored_ones_in_their_places(
    *,
    faker: Faker,
    now: datetime,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_students = [create_random_student(faker, now.date()) for _ in range(3)]
    input_documents = [create_student_document(student) for student in input_students]
    storage_student = create_random_student(faker, now.date()).model_copy(
        update={"id": input_students[1].id}
    )
    storage_documents = [
        dict(input_documents[0]),
        create_student_document(storage_student),
        dict(input_documents[2]),
    ]
    expected_students = [input_students[0], storage_student, input_students[2]]
    storage_broker.insert_students_if_absent.return_value = storage_documents

    # when
    actual_students = await student_service.add_students_if_absent(input_students)

    # then: the stored one wins under a taken id; each a new object, never the input
    assert actual_students == expected_students
    assert actual_students[1] != input_students[1]
    assert all(a is not i for a, i in zip(actual_students, input_students, strict=True))
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert storage_broker.mock_calls == [call.insert_students_if_absent(input_documents)]
    assert logging_broker.mock_calls == []
