from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, ErrorCategory, LocalizedError
from contracts.events import Concern, ConcernOutcome, OutcomePublication
from contracts.students.exceptions.event_processings import (
    FailedStudentEventProcessingServiceError,
    StudentEventProcessingDependencyError,
    StudentEventProcessingServiceError,
)
from contracts.students.exceptions.events import FailedStudentEventPublishError
from contracts.students.exceptions.foundations import (
    AlreadyExistsStudentError,
    FailedStudentStorageError,
    InvalidStudentError,
)
from contracts.students.exceptions.orchestrations import (
    FailedStudentOrchestrationServiceError,
    StudentOrchestrationDependencyError,
    StudentOrchestrationDependencyValidationError,
    StudentOrchestrationServiceError,
)
from contracts.students.exceptions.processings import (
    ConflictingStudentError,
    FailedStudentProcessingServiceError,
    StudentProcessingDependencyError,
    StudentProcessingDependencyValidationError,
    StudentProcessingServiceError,
    StudentProcessingValidationError,
)
from services.orchestrations.student_events import StudentEventOrchestrationService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
    create_random_message,
    create_random_student_event,
)

# What ensuring the student may refuse: the concern fails for good, with the reason.
DEPENDENCY_VALIDATION_ERRORS = [
    pytest.param(
        lambda message: StudentProcessingValidationError(
            InvalidStudentError({"first_name": [message]})
        ),
        id="StudentProcessingValidationError",
    ),
    pytest.param(
        lambda message: StudentProcessingDependencyValidationError(
            AlreadyExistsStudentError(message)
        ),
        id="StudentProcessingDependencyValidationError-AlreadyExists",
    ),
    pytest.param(
        lambda _: StudentProcessingDependencyValidationError(
            ConflictingStudentError("4a0c5b6e-8f0e-4a52-9a9b-1a2b3c4d5e6f")
        ),
        id="StudentProcessingDependencyValidationError-Conflicting",
    ),
]


def create_failed_outcome(student_id: str, reason: str) -> ConcernOutcome:
    return ConcernOutcome(
        concern=Concern.STUDENT, entity_id=student_id, student_id=student_id, reason=reason
    )


@pytest.mark.parametrize("create_processing_error", DEPENDENCY_VALIDATION_ERRORS)
async def test_should_answer_dependency_validation_error_on_process_if_refused_and_publish_failure(
    *,
    faker: Faker,
    now: datetime,
    create_processing_error: Callable[[str], CategorizedError],
    student_event_orchestration_service: StudentEventOrchestrationService,
    student_processing_service: Mock,
    all_calls: Mock,
) -> None:
    # given
    correlation_id = create_random_id(faker)
    random_student_event = create_random_student_event(faker, now, correlation_id)
    input_student_event = random_student_event
    input_student = input_student_event.data
    processing_error = create_processing_error(create_random_message(faker))
    student_processing_service.ensure_students_exist.side_effect = processing_error
    expected_dependency_validation_error = StudentOrchestrationDependencyValidationError(
        processing_error.inner_error
    )
    expected_failed_outcome = create_failed_outcome(
        input_student.id, str(processing_error.inner_error)
    )

    # when
    [actual_error] = await student_event_orchestration_service.process_student_events(
        [input_student_event]
    )
    assert isinstance(actual_error, StudentOrchestrationDependencyValidationError)

    # then
    assert actual_error == expected_dependency_validation_error
    assert actual_error.__cause__ is processing_error
    assert all_calls.mock_calls == [
        call.student_processing_service.ensure_students_exist([input_student]),
        create_error_log_call(expected_dependency_validation_error, call.logging_broker),
        call.student_event_processing_service.publish_student_outcome(
            expected_failed_outcome,
            cause_id=input_student_event.id,
            correlation_id=correlation_id,
        ),
    ]


async def test_should_publish_failure_with_its_reason_cut_to_the_outcome_limit(
    *,
    faker: Faker,
    now: datetime,
    student_event_orchestration_service: StudentEventOrchestrationService,
    student_processing_service: Mock,
    all_calls: Mock,
) -> None:
    # given
    random_student_event = create_random_student_event(faker, now)
    input_student_event = random_student_event
    input_student = input_student_event.data
    long_messages = [create_random_message(faker) * 10 for _ in range(10)]
    invalid_student_error = InvalidStudentError({"first_name": long_messages})
    processing_error = StudentProcessingValidationError(invalid_student_error)
    student_processing_service.ensure_students_exist.side_effect = processing_error
    expected_dependency_validation_error = StudentOrchestrationDependencyValidationError(
        invalid_student_error
    )
    expected_reason = str(invalid_student_error)[:1000]
    expected_failed_outcome = create_failed_outcome(input_student.id, expected_reason)

    # when
    [actual_error] = await student_event_orchestration_service.process_student_events(
        [input_student_event]
    )
    assert isinstance(actual_error, StudentOrchestrationDependencyValidationError)

    # then
    assert len(str(invalid_student_error)) > 1000
    assert actual_error == expected_dependency_validation_error
    assert all_calls.mock_calls == [
        call.student_processing_service.ensure_students_exist([input_student]),
        create_error_log_call(expected_dependency_validation_error, call.logging_broker),
        call.student_event_processing_service.publish_student_outcome(
            expected_failed_outcome, cause_id=input_student_event.id, correlation_id=None
        ),
    ]


async def test_should_answer_dependency_error_on_process_if_dependency_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    student_event_orchestration_service: StudentEventOrchestrationService,
    student_processing_service: Mock,
    all_calls: Mock,
) -> None:
    # given
    random_student_event = create_random_student_event(faker, now, create_random_id(faker))
    input_student_event = random_student_event
    input_student = input_student_event.data
    failed_storage_error = FailedStudentStorageError(create_random_message(faker))
    dependency_error = StudentProcessingDependencyError(failed_storage_error)
    student_processing_service.ensure_students_exist.side_effect = dependency_error
    expected_dependency_error = StudentOrchestrationDependencyError(failed_storage_error)

    # when
    [actual_error] = await student_event_orchestration_service.process_student_events(
        [input_student_event]
    )
    assert isinstance(actual_error, StudentOrchestrationDependencyError)

    # then: retried later, so no outcome is announced
    assert actual_error == expected_dependency_error
    assert actual_error.__cause__ is dependency_error
    assert all_calls.mock_calls == [
        call.student_processing_service.ensure_students_exist([input_student]),
        create_error_log_call(expected_dependency_error, call.logging_broker),
    ]


async def test_should_answer_dependency_error_on_process_if_publishing_outcome_fails_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    student_event_orchestration_service: StudentEventOrchestrationService,
    student_processing_service: Mock,
    student_event_processing_service: Mock,
    all_calls: Mock,
) -> None:
    # given
    correlation_id = create_random_id(faker)
    random_student_event = create_random_student_event(faker, now, correlation_id)
    input_student_event = random_student_event
    input_student = input_student_event.data
    stored_student = input_student.model_copy(deep=True)
    student_processing_service.ensure_students_exist.return_value = [stored_student]
    persisted_outcome = ConcernOutcome(
        concern=Concern.STUDENT, entity_id=stored_student.id, student_id=stored_student.id
    )
    failed_publish_error = FailedStudentEventPublishError(create_random_message(faker))
    dependency_error = StudentEventProcessingDependencyError(failed_publish_error)
    student_event_processing_service.publish_student_outcomes.side_effect = dependency_error
    expected_dependency_error = StudentOrchestrationDependencyError(failed_publish_error)

    # when
    [actual_error] = await student_event_orchestration_service.process_student_events(
        [input_student_event]
    )
    assert isinstance(actual_error, StudentOrchestrationDependencyError)

    # then: retried later; the student is stored already, so the retry only announces it
    assert actual_error == expected_dependency_error
    assert actual_error.__cause__ is dependency_error
    assert all_calls.mock_calls == [
        call.student_processing_service.ensure_students_exist([input_student]),
        call.student_event_processing_service.publish_student_outcomes(
            [
                OutcomePublication(
                    persisted_outcome,
                    cause_id=input_student_event.id,
                    correlation_id=correlation_id,
                )
            ]
        ),
        create_error_log_call(expected_dependency_error, call.logging_broker),
    ]


# A bug below is this orchestration's dependency error (The Standard's mapping); one here is its
# service error. Either way the root is a service error: retried a bounded number of times.
SERVICE_ERRORS = [
    pytest.param(
        lambda message: StudentProcessingServiceError(FailedStudentProcessingServiceError(message)),
        StudentOrchestrationDependencyError,
        id="StudentProcessingServiceError",
    ),
    pytest.param(
        lambda message: StudentEventProcessingServiceError(
            FailedStudentEventProcessingServiceError(message)
        ),
        StudentOrchestrationDependencyError,
        id="StudentEventProcessingServiceError",
    ),
    pytest.param(RuntimeError, StudentOrchestrationServiceError, id="RuntimeError"),
]


@pytest.mark.parametrize(("create_service_error", "expected_type"), SERVICE_ERRORS)
async def test_should_answer_error_rooted_in_a_service_error_on_process_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_service_error: Callable[[str], Exception],
    expected_type: Callable[[LocalizedError], CategorizedError],
    student_event_orchestration_service: StudentEventOrchestrationService,
    student_processing_service: Mock,
    all_calls: Mock,
) -> None:
    # given
    random_student_event = create_random_student_event(faker, now)
    input_student_event = random_student_event
    input_student = input_student_event.data
    service_error = create_service_error(create_random_message(faker))
    student_processing_service.ensure_students_exist.side_effect = service_error
    inner_error = (
        service_error.inner_error
        if isinstance(service_error, CategorizedError)
        else FailedStudentOrchestrationServiceError(type(service_error).__name__)
    )
    expected_error = expected_type(inner_error)

    # when
    [actual_error] = await student_event_orchestration_service.process_student_events(
        [input_student_event]
    )
    assert isinstance(actual_error, CategorizedError)

    # then: retried a bounded number of times, so no failure is announced yet
    assert actual_error == expected_error
    assert actual_error.root_category is ErrorCategory.SERVICE
    assert actual_error.__cause__ is service_error
    assert all_calls.mock_calls == [
        call.student_processing_service.ensure_students_exist([input_student]),
        create_error_log_call(expected_error, call.logging_broker),
    ]
