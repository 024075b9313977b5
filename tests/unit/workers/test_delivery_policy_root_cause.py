"""The delivery policy decides from the root cause an error carries, whatever its outer category.

A bug below reaches a worker as its orchestration's dependency error (The Standard's mapping);
it is still retried a bounded number of times, then dead-lettered, while a service that is away
is retried for as long as it takes.
"""

from __future__ import annotations

import dataclasses
from unittest.mock import create_autospec

import pytest
from faker import Faker

from brokers.loggings import LoggingBroker
from brokers.metrics import MetricsBroker
from brokers.queues import DeadLetter, IncomingMessage, RetryLater
from contracts.students.exceptions.foundations import (
    FailedStudentServiceError,
    FailedStudentStorageError,
    StudentDependencyError,
    StudentServiceError,
)
from contracts.students.exceptions.orchestrations import StudentOrchestrationDependencyError
from workers.delivery_policy import DeliveryPolicy

RETRY_DELAYS = (0.1, 1.0)
MAX_SERVICE_RETRIES = 2


@pytest.fixture
def delivery_policy() -> DeliveryPolicy:
    return DeliveryPolicy(
        create_autospec(LoggingBroker, instance=True, spec_set=True),
        RETRY_DELAYS,
        max_service_retries=MAX_SERVICE_RETRIES,
        metrics_broker=create_autospec(MetricsBroker, instance=True, spec_set=True),
        namespace="culdesac",
    )


def create_message(faker: Faker, attempt: int) -> IncomingMessage:
    return IncomingMessage(
        queue="culdesac.student",
        routing_key="student.registered.v1",
        body=b"{}",
        message_id=str(faker.uuid4()),
        correlation_id=str(faker.uuid4()),
        content_type="application/cloudevents+json",
        headers={},
        redelivered=attempt > 1,
        attempt=attempt,
    )


def rooted_in(downstream: StudentServiceError | StudentDependencyError) -> Exception:
    outer = StudentOrchestrationDependencyError(downstream.inner_error)
    outer.caused_by(downstream)
    return outer


def test_should_retry_a_bug_below_a_bounded_number_of_times_then_dead_letter_it(
    faker: Faker, delivery_policy: DeliveryPolicy
) -> None:
    # given
    input_error = rooted_in(StudentServiceError(FailedStudentServiceError(faker.sentence())))
    attempts = range(1, MAX_SERVICE_RETRIES + 2)

    # when
    actual_settlements = [
        delivery_policy.decide(create_message(faker, attempt), input_error) for attempt in attempts
    ]

    # then
    assert actual_settlements[:-1] == [RetryLater(0.1), RetryLater(1.0)]
    last = actual_settlements[-1]
    assert isinstance(last, DeadLetter)
    assert dataclasses.replace(last, reason="") == DeadLetter(
        reason="",
        category="dependency",
        error_type="StudentOrchestrationDependencyError",
        error_message=str(input_error),
    )


def test_should_retry_a_service_that_is_away_for_as_long_as_it_takes(
    faker: Faker, delivery_policy: DeliveryPolicy
) -> None:
    # given
    input_error = rooted_in(StudentDependencyError(FailedStudentStorageError(faker.sentence())))
    input_message = create_message(faker, attempt=MAX_SERVICE_RETRIES + 10)

    # when
    actual_settlement = delivery_policy.decide(input_message, input_error)

    # then
    assert actual_settlement == RetryLater(1.0)


@pytest.mark.parametrize(
    ("downstream", "expected_level"),
    [
        pytest.param(StudentServiceError(FailedStudentServiceError("KeyError")), "error", id="bug"),
        pytest.param(
            StudentDependencyError(FailedStudentStorageError("AutoReconnect")),
            "warning",
            id="away",
        ),
    ],
)
def test_should_log_a_failure_below_at_the_level_of_its_root_cause(
    faker: Faker,
    downstream: StudentServiceError | StudentDependencyError,
    expected_level: str,
) -> None:
    # given
    logging_broker = create_autospec(LoggingBroker, instance=True, spec_set=True)
    policy = DeliveryPolicy(
        logging_broker,
        RETRY_DELAYS,
        max_service_retries=MAX_SERVICE_RETRIES,
        metrics_broker=create_autospec(MetricsBroker, instance=True, spec_set=True),
        namespace="culdesac",
    )
    input_error = rooted_in(downstream)
    input_message = create_message(faker, attempt=1)

    # when
    policy.settled(input_message, policy.decide(input_message, input_error), 0.1, input_error)

    # then: one line, a traceback only for the bug
    assert [entry[0] for entry in logging_broker.mock_calls] == [expected_level]
    logged = logging_broker.mock_calls[0].kwargs
    assert ("traceback" in logged) is (expected_level == "error")
    assert logged["retry_in_s"] == RETRY_DELAYS[0]
