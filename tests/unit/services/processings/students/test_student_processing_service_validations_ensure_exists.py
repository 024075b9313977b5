from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.students.exceptions.processings import (
    ConflictingStudentError,
    StudentProcessingDependencyValidationError,
)
from services.processings.students import StudentProcessingService
from tests.unit.services.conftest import create_error_log_call, create_random_student

# Each changes one detail of the stored student, so every field is compared.
CHANGED_FIELDS = ["first_name", "last_name", "date_of_birth", "email"]


@pytest.mark.parametrize("changed_field", CHANGED_FIELDS)
async def test_should_raise_dependency_validation_error_on_ensure_exists_if_conflicting_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    changed_field: str,
    student_processing_service: StudentProcessingService,
    student_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_student = create_random_student(faker, now.date())
    input_student = random_student
    other_student = create_random_student(faker, now.date())
    stored_student = input_student.model_copy(
        update={changed_field: getattr(other_student, changed_field)}
    )
    # Stored earlier under the id with other details: the add returns that one.
    student_service.add_student_if_absent.return_value = stored_student
    expected_calls = [call.add_student_if_absent(input_student)]
    conflicting_student_error = ConflictingStudentError(input_student.id)
    expected_dependency_validation_error = StudentProcessingDependencyValidationError(
        conflicting_student_error
    )

    # when
    with pytest.raises(StudentProcessingDependencyValidationError) as error_info:
        await student_processing_service.ensure_student_exists(input_student)

    # then
    assert stored_student != input_student
    assert error_info.value == expected_dependency_validation_error
    assert student_service.mock_calls == expected_calls
    assert logging_broker.mock_calls == [
        create_error_log_call(expected_dependency_validation_error)
    ]
