from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.queues import QueueUnavailableError, UnroutableMessageError
from contracts.students.exceptions.events import (
    FailedStudentEventPublishError,
    FailedStudentEventServiceError,
    StudentEventDependencyError,
    StudentEventServiceError,
)
from services.foundations.student_events import StudentEventService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
    create_random_message,
    create_random_outcome,
)
from tests.unit.services.foundations.student_events.conftest import create_outcome_message

QUEUE_ERRORS = [
    pytest.param(QueueUnavailableError, id="QueueUnavailableError"),
    # An outcome nobody is bound for: the topology is incomplete, so retry until it is there.
    pytest.param(UnroutableMessageError, id="UnroutableMessageError"),
]

# Anything else the publish raised is a bug: the service category, retried a bounded number
# of times only.
UNEXPECTED_ERRORS = [
    pytest.param(RuntimeError, id="RuntimeError"),
    pytest.param(ValueError, id="ValueError"),
    pytest.param(ConnectionResetError, id="ConnectionResetError"),
]


@pytest.mark.parametrize("create_queue_error", QUEUE_ERRORS)
async def test_should_raise_dependency_error_on_publish_outcome_if_queue_fails_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_queue_error: Callable[[str], Exception],
    student_event_service: StudentEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_outcome = create_random_outcome(faker, reason=None)
    input_cause_id = create_random_id(faker)
    input_correlation_id = create_random_id(faker)
    derived_event_id = create_random_id(faker)
    identifier_broker.get_derived_identifier.return_value = derived_event_id
    expected_message = create_outcome_message(
        random_outcome,
        event_type="student.persisted.v1",
        event_id=derived_event_id,
        time=now,
        correlation_id=input_correlation_id,
    )
    queue_error = create_queue_error(create_random_message(faker))
    queue_broker.publish.side_effect = queue_error
    failed_publish_error = FailedStudentEventPublishError(type(queue_error).__name__)
    expected_dependency_error = StudentEventDependencyError(failed_publish_error)

    # when
    with pytest.raises(StudentEventDependencyError) as error_info:
        await student_event_service.publish_student_outcome(
            random_outcome, cause_id=input_cause_id, correlation_id=input_correlation_id
        )

    # then
    assert error_info.value == expected_dependency_error
    assert error_info.value.__cause__ is queue_error
    assert queue_broker.mock_calls == [call.publish(expected_message)]
    assert identifier_broker.mock_calls == [
        call.get_derived_identifier("student.persisted.v1", input_cause_id)
    ]
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert logging_broker.mock_calls == [create_error_log_call(expected_dependency_error)]


@pytest.mark.parametrize("create_unexpected_error", UNEXPECTED_ERRORS)
async def test_should_raise_service_error_on_publish_outcome_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_unexpected_error: Callable[[str], Exception],
    student_event_service: StudentEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_outcome = create_random_outcome(faker, reason=faker.sentence())
    input_cause_id = create_random_id(faker)
    derived_event_id = create_random_id(faker)
    identifier_broker.get_derived_identifier.return_value = derived_event_id
    expected_message = create_outcome_message(
        random_outcome,
        event_type="student.failed.v1",
        event_id=derived_event_id,
        time=now,
        correlation_id=None,
    )
    unexpected_error = create_unexpected_error(create_random_message(faker))
    queue_broker.publish.side_effect = unexpected_error
    failed_service_error = FailedStudentEventServiceError(type(unexpected_error).__name__)
    expected_service_error = StudentEventServiceError(failed_service_error)

    # when
    with pytest.raises(StudentEventServiceError) as error_info:
        await student_event_service.publish_student_outcome(
            random_outcome, cause_id=input_cause_id, correlation_id=None
        )

    # then
    assert error_info.value == expected_service_error
    assert error_info.value.__cause__ is unexpected_error
    assert queue_broker.mock_calls == [call.publish(expected_message)]
    assert identifier_broker.mock_calls == [
        call.get_derived_identifier("student.failed.v1", input_cause_id)
    ]
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert logging_broker.mock_calls == [create_error_log_call(expected_service_error)]
