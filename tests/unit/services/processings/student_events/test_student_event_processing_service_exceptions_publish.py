from __future__ import annotations

from collections.abc import Callable
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, LocalizedError
from contracts.students.exceptions.event_processings import (
    FailedStudentEventProcessingServiceError,
    StudentEventProcessingDependencyError,
    StudentEventProcessingDependencyValidationError,
    StudentEventProcessingServiceError,
)
from contracts.students.exceptions.events import (
    FailedStudentEventPublishError,
    FailedStudentEventServiceError,
    InvalidStudentEventError,
    StudentEventDependencyError,
    StudentEventDependencyValidationError,
    StudentEventServiceError,
    StudentEventValidationError,
)
from services.processings.student_events import StudentEventProcessingService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
    create_random_message,
    create_random_outcome,
)

# A refused outcome below is this service's dependency validation; the localized error stays.
DEPENDENCY_VALIDATION_ERRORS = [
    pytest.param(
        lambda message: StudentEventValidationError(InvalidStudentEventError({"data": [message]})),
        id="StudentEventValidationError",
    ),
    pytest.param(
        lambda message: StudentEventDependencyValidationError(
            InvalidStudentEventError({"type": [message]})
        ),
        id="StudentEventDependencyValidationError",
    ),
]


def create_student_event_service_error(message: str) -> tuple[Exception, LocalizedError]:
    failed_service_error = FailedStudentEventServiceError(message)
    return StudentEventServiceError(failed_service_error), failed_service_error


def create_unexpected_error(message: str) -> tuple[Exception, LocalizedError]:
    unexpected_error = RuntimeError(message)
    return unexpected_error, FailedStudentEventProcessingServiceError(
        type(unexpected_error).__name__
    )


SERVICE_ERRORS = [
    pytest.param(create_student_event_service_error, id="StudentEventServiceError"),
    pytest.param(create_unexpected_error, id="RuntimeError"),
]


@pytest.mark.parametrize("create_event_error", DEPENDENCY_VALIDATION_ERRORS)
async def test_should_raise_dependency_validation_error_on_publish_outcome_if_refused_and_log_it(
    *,
    faker: Faker,
    create_event_error: Callable[[str], CategorizedError],
    student_event_processing_service: StudentEventProcessingService,
    student_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_outcome = create_random_outcome(faker, reason=None)
    input_cause_id = create_random_id(faker)
    event_error = create_event_error(create_random_message(faker))
    student_event_service.publish_student_outcome.side_effect = event_error
    expected_dependency_validation_error = StudentEventProcessingDependencyValidationError(
        event_error.inner_error
    )

    # when
    with pytest.raises(StudentEventProcessingDependencyValidationError) as error_info:
        await student_event_processing_service.publish_student_outcome(
            random_outcome, cause_id=input_cause_id, correlation_id=None
        )

    # then
    assert error_info.value == expected_dependency_validation_error
    assert error_info.value.__cause__ is event_error
    assert student_event_service.mock_calls == [
        call.publish_student_outcome(random_outcome, cause_id=input_cause_id, correlation_id=None)
    ]
    assert logging_broker.mock_calls == [
        create_error_log_call(expected_dependency_validation_error)
    ]


async def test_should_raise_dependency_error_on_publish_outcome_if_dependency_error_and_log_it(
    *,
    faker: Faker,
    student_event_processing_service: StudentEventProcessingService,
    student_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_outcome = create_random_outcome(faker, reason=None)
    input_cause_id = create_random_id(faker)
    input_correlation_id = create_random_id(faker)
    failed_publish_error = FailedStudentEventPublishError(create_random_message(faker))
    event_dependency_error = StudentEventDependencyError(failed_publish_error)
    student_event_service.publish_student_outcome.side_effect = event_dependency_error
    expected_dependency_error = StudentEventProcessingDependencyError(failed_publish_error)

    # when
    with pytest.raises(StudentEventProcessingDependencyError) as error_info:
        await student_event_processing_service.publish_student_outcome(
            random_outcome, cause_id=input_cause_id, correlation_id=input_correlation_id
        )

    # then
    assert error_info.value == expected_dependency_error
    assert error_info.value.__cause__ is event_dependency_error
    assert student_event_service.mock_calls == [
        call.publish_student_outcome(
            random_outcome, cause_id=input_cause_id, correlation_id=input_correlation_id
        )
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_dependency_error)]


@pytest.mark.parametrize("create_error_and_inner_error", SERVICE_ERRORS)
async def test_should_raise_service_error_on_publish_outcome_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    create_error_and_inner_error: Callable[[str], tuple[Exception, LocalizedError]],
    student_event_processing_service: StudentEventProcessingService,
    student_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_outcome = create_random_outcome(faker, reason=faker.sentence())
    input_cause_id = create_random_id(faker)
    service_error, inner_error = create_error_and_inner_error(create_random_message(faker))
    student_event_service.publish_student_outcome.side_effect = service_error
    expected_service_error = StudentEventProcessingServiceError(inner_error)

    # when
    with pytest.raises(StudentEventProcessingServiceError) as error_info:
        await student_event_processing_service.publish_student_outcome(
            random_outcome, cause_id=input_cause_id, correlation_id=None
        )

    # then
    assert error_info.value == expected_service_error
    assert error_info.value.__cause__ is service_error
    assert student_event_service.mock_calls == [
        call.publish_student_outcome(random_outcome, cause_id=input_cause_id, correlation_id=None)
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_service_error)]
