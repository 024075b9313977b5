from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from services.processings.students import StudentProcessingService
from tests.unit.services.conftest import create_random_student


async def test_should_ensure_student_exists_by_adding_it_if_absent(
    *,
    faker: Faker,
    now: datetime,
    student_processing_service: StudentProcessingService,
    student_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: new, or stored already with the same details, the add answers alike
    random_student = create_random_student(faker, now.date())
    input_student = random_student
    stored_student = input_student.model_copy(deep=True)
    expected_student = stored_student.model_copy(deep=True)
    student_service.add_student_if_absent.return_value = stored_student

    # when
    actual_student = await student_processing_service.ensure_student_exists(input_student)

    # then: one call, no read before it
    assert actual_student == expected_student
    assert student_service.mock_calls == [call.add_student_if_absent(input_student)]
    assert logging_broker.mock_calls == []
