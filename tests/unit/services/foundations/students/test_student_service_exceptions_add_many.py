"""A batch of students: each one's failure is its own, mapped by its own category."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.storages.errors import OperationFailure, duplicate_key_of, storage_failure_of
from contracts.errors import CategorizedError, LocalizedError
from contracts.students import Student
from contracts.students.exceptions.foundations import (
    AlreadyExistsStudentError,
    FailedStudentServiceError,
    FailedStudentStorageError,
    InvalidStudentError,
    StudentDependencyError,
    StudentDependencyValidationError,
    StudentServiceError,
    StudentValidationError,
)
from services.foundations.students import StudentService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_message,
    create_random_student,
    create_student_document,
)
from tests.unit.services.foundations.students.conftest import (
    STORAGE_UNAVAILABLE_ERROR_IDS,
    STORAGE_UNAVAILABLE_ERRORS,
    UNEXPECTED_ERROR_IDS,
    UNEXPECTED_ERRORS,
    StorageErrorFactory,
    create_duplicate_key_error,
)

AddMany = Callable[[StudentService, Sequence[Student]], Awaitable[list[Student | Exception]]]

# Both batch adds fail alike; each calls its own storage broker method.
ADDS = [
    pytest.param(
        lambda service, students: service.add_students(students),
        "insert_students",
        id="add_students",
    ),
    pytest.param(
        lambda service, students: service.add_students_if_absent(students),
        "insert_students_if_absent",
        id="add_students_if_absent",
    ),
]


@pytest.mark.parametrize(("add_many", "storage_method"), ADDS)
async def test_should_give_each_student_its_own_error_in_a_mixed_batch_and_log_each(
    *,
    faker: Faker,
    now: datetime,
    add_many: AddMany,
    storage_method: str,
    student_service: StudentService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given: a valid one, an invalid one, a taken email, a failed write, a valid one
    valid_first, taken, failing, valid_last = (
        create_random_student(faker, now.date()) for _ in range(4)
    )
    invalid = create_random_student(faker, now.date()).model_copy(
        update={"date_of_birth": now.date() + timedelta(days=1)}
    )
    input_students = [valid_first, invalid, taken, failing, valid_last]
    duplicate_key_error = create_duplicate_key_error(create_random_message(faker))
    write_error = OperationFailure(create_random_message(faker), code=121)
    getattr(storage_broker, storage_method).return_value = [
        create_student_document(valid_first),
        duplicate_key_error,
        write_error,
        create_student_document(valid_last),
    ]
    expected_validation_error = StudentValidationError(
        InvalidStudentError({"date_of_birth": ["Date must be in the past."]})
    )
    expected_dependency_validation_error = StudentDependencyValidationError(
        AlreadyExistsStudentError(duplicate_key_of(duplicate_key_error))
    )
    expected_service_error = StudentServiceError(
        FailedStudentServiceError(storage_failure_of(write_error))
    )

    # when
    actual_results = await add_many(student_service, input_students)

    # then
    assert actual_results == [
        valid_first,
        expected_validation_error,
        expected_dependency_validation_error,
        expected_service_error,
        valid_last,
    ]
    causes = [result.__cause__ for result in actual_results if isinstance(result, Exception)]
    assert causes[1:] == [duplicate_key_error, write_error]
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert storage_broker.mock_calls == [
        getattr(call, storage_method)(
            [create_student_document(s) for s in (valid_first, taken, failing, valid_last)]
        )
    ]
    assert logging_broker.mock_calls == [
        create_error_log_call(expected_validation_error),
        create_error_log_call(expected_dependency_validation_error),
        create_error_log_call(expected_service_error),
    ]


# What the whole write may raise, and the category and localized error each student gets.
WRITE_ERRORS = [
    *(
        pytest.param(create, StudentDependencyError, FailedStudentStorageError, id=error_id)
        for create, error_id in zip(
            STORAGE_UNAVAILABLE_ERRORS, STORAGE_UNAVAILABLE_ERROR_IDS, strict=True
        )
    ),
    *(
        pytest.param(create, StudentServiceError, FailedStudentServiceError, id=error_id)
        for create, error_id in zip(UNEXPECTED_ERRORS, UNEXPECTED_ERROR_IDS, strict=True)
    ),
]


@pytest.mark.parametrize(("add_many", "storage_method"), ADDS)
@pytest.mark.parametrize(("create_storage_error", "outer_type", "inner_type"), WRITE_ERRORS)
async def test_should_give_every_student_the_error_if_the_write_raises_and_log_it_once(
    *,
    faker: Faker,
    now: datetime,
    add_many: AddMany,
    storage_method: str,
    create_storage_error: StorageErrorFactory,
    outer_type: Callable[[LocalizedError], CategorizedError],
    inner_type: Callable[[str], LocalizedError],
    student_service: StudentService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_students = [create_random_student(faker, now.date()) for _ in range(3)]
    storage_error = create_storage_error(create_random_message(faker))
    getattr(storage_broker, storage_method).side_effect = storage_error
    expected_error = outer_type(inner_type(storage_failure_of(storage_error)))

    # when
    actual_results = await add_many(student_service, input_students)

    # then: one failure, one line, for every student alike
    assert actual_results == [expected_error] * 3
    assert all(result.__cause__ is storage_error for result in actual_results)  # type: ignore[union-attr]
    assert storage_broker.mock_calls == [
        getattr(call, storage_method)([create_student_document(s) for s in input_students])
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("add_many", [pytest.param(add.values[0], id=add.id) for add in ADDS])
async def test_should_not_call_storage_if_every_student_is_invalid(
    *,
    faker: Faker,
    now: datetime,
    add_many: AddMany,
    student_service: StudentService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    invalid_student = create_random_student(faker, now.date()).model_copy(
        update={"first_name": " "}
    )
    expected_error = StudentValidationError(
        InvalidStudentError({"first_name": ["Text is required."]})
    )

    # when
    actual_results = await add_many(student_service, [invalid_student])

    # then
    assert actual_results == [expected_error]
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
