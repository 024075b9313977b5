from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, _Call, call

import pytest
from faker import Faker

from contracts.students import Student
from contracts.students.exceptions.processings import (
    ConflictingStudentError,
    StudentProcessingDependencyValidationError,
)
from services.processings.students import StudentProcessingService
from tests.unit.services.conftest import create_error_log_call, create_random_student

# Each changes one detail of the stored student, so every field is compared.
CHANGED_FIELDS = ["first_name", "last_name", "date_of_birth", "email"]

# Where the stored student comes from: read first, or stored by another worker in between.
FOUND_BY = ["retrieve", "add"]


def arrange_stored_student(
    student_service: Mock, input_student: Student, stored_student: Student, found_by: str
) -> list[_Call]:
    """Make ``found_by`` answer with ``stored_student``; returns the calls expected."""
    if found_by == "retrieve":
        student_service.retrieve_student_if_exists.return_value = stored_student
        return [call.retrieve_student_if_exists(input_student.id)]
    student_service.retrieve_student_if_exists.return_value = None
    student_service.add_student_if_absent.return_value = stored_student
    return [
        call.retrieve_student_if_exists(input_student.id),
        call.add_student_if_absent(input_student),
    ]


@pytest.mark.parametrize("found_by", FOUND_BY)
@pytest.mark.parametrize("changed_field", CHANGED_FIELDS)
async def test_should_raise_dependency_validation_error_on_ensure_exists_if_conflicting_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    changed_field: str,
    found_by: str,
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
    expected_calls = arrange_stored_student(
        student_service, input_student, stored_student, found_by
    )
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
        create_error_log_call("error", expected_dependency_validation_error)
    ]
