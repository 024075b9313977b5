"""What a dead letter and its log line say of a failure: the project's words, never a driver's."""

from __future__ import annotations

import dataclasses
from unittest.mock import Mock, call, create_autospec

import pytest
from faker import Faker

from brokers.loggings import LoggingBroker
from brokers.metrics import MetricsBroker
from brokers.queues import DeadLetter, IncomingMessage, RetryLater
from contracts.students.exceptions.foundations import (
    AlreadyExistsStudentError,
    FailedStudentServiceError,
    FailedStudentStorageError,
    StudentDependencyError,
    StudentDependencyValidationError,
    StudentServiceError,
)
from workers.delivery_policy import DeliveryPolicy

RETRY_DELAYS = (0.1, 1.0)


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def metrics_broker() -> Mock:
    mock: Mock = create_autospec(MetricsBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def delivery_policy(logging_broker: Mock, metrics_broker: Mock) -> DeliveryPolicy:
    return DeliveryPolicy(
        logging_broker,
        RETRY_DELAYS,
        max_service_retries=0,
        metrics_broker=metrics_broker,
        namespace="culdesac",
    )


def create_random_message(faker: Faker) -> IncomingMessage:
    return IncomingMessage(
        queue="culdesac.student",
        routing_key="student.registered.v1",
        body=b"{}",
        message_id=str(faker.uuid4()),
        correlation_id=str(faker.uuid4()),
        content_type="application/cloudevents+json",
        headers={},
        redelivered=False,
        attempt=1,
    )


def test_should_dead_letter_a_clash_with_the_services_sentence(
    faker: Faker, delivery_policy: DeliveryPolicy, logging_broker: Mock
) -> None:
    # given
    input_message = create_random_message(faker)
    input_error = StudentDependencyValidationError(AlreadyExistsStudentError("email"))
    expected_settlement = DeadLetter(
        reason="The email is already registered to another student.",
        category="dependency_validation",
        error_type="StudentDependencyValidationError",
        error_message=str(input_error),
    )

    # when
    actual_settlement = delivery_policy.decide(input_message, input_error)
    delivery_policy.settled(input_message, actual_settlement, 0.25, input_error)

    # then
    assert actual_settlement == expected_settlement
    assert logging_broker.mock_calls == [
        call.warning(
            "message dead-lettered",
            reason=expected_settlement.reason,
            category="dependency_validation",
            queue=input_message.queue,
            event_type=input_message.routing_key,
            message_id=input_message.message_id,
            correlation_id=input_message.correlation_id,
            attempt=1,
            duration_ms=250.0,
            outcome="dead-letter",
            error_type="StudentDependencyValidationError",
            error=str(input_error),
        )
    ]


def test_should_dead_letter_an_unmapped_error_by_its_kind_alone(
    faker: Faker, delivery_policy: DeliveryPolicy, logging_broker: Mock
) -> None:
    # given: an error no service mapped, whose text quotes a personal value
    input_message = create_random_message(faker)
    email = faker.email(safe=True)
    input_error = ValueError(f"E11000 duplicate key error dup key: {{ email: {email!r} }}")
    message_with_retry = dataclasses.replace(input_message, attempt=2)

    # when: retried once already (the limit), so dead-lettered
    actual_settlement = delivery_policy.decide(message_with_retry, input_error)
    delivery_policy.settled(message_with_retry, actual_settlement, 0.5, input_error)

    # then
    assert actual_settlement == DeadLetter(
        reason="Unexpected ValueError.",
        category="service",
        error_type="ValueError",
        error_message="ValueError",
    )
    assert email not in repr(logging_broker.mock_calls)
    assert "E11000" not in repr(logging_broker.mock_calls)
    assert logging_broker.error.call_count == 1
    assert logging_broker.error.call_args.kwargs["traceback"] == ["ValueError"]


def test_should_log_a_service_away_as_a_warning_with_the_retry_delay(
    faker: Faker, delivery_policy: DeliveryPolicy, logging_broker: Mock
) -> None:
    # given
    input_message = create_random_message(faker)
    input_error = StudentDependencyError(FailedStudentStorageError("ServerSelectionTimeoutError"))

    # when
    actual_settlement = delivery_policy.decide(input_message, input_error)
    delivery_policy.settled(input_message, actual_settlement, 0.1, input_error)

    # then
    assert actual_settlement == RetryLater(RETRY_DELAYS[0])
    assert logging_broker.mock_calls == [
        call.warning(
            "message retried later",
            retry_in_s=RETRY_DELAYS[0],
            queue=input_message.queue,
            event_type=input_message.routing_key,
            message_id=input_message.message_id,
            correlation_id=input_message.correlation_id,
            attempt=1,
            duration_ms=100.0,
            outcome="retry",
            error_type="StudentDependencyError",
            error=str(input_error),
        )
    ]


def test_should_log_a_bug_as_one_error_with_its_frames_and_no_error_text(
    faker: Faker, delivery_policy: DeliveryPolicy, logging_broker: Mock
) -> None:
    # given: a bug below, raised from an error whose text quotes a personal value
    input_message = create_random_message(faker)
    email = faker.email(safe=True)
    input_error = raised_service_error(email)

    # when: no retries are left for a bug here, so it is dead-lettered
    actual_settlement = delivery_policy.decide(input_message, input_error)
    delivery_policy.settled(input_message, actual_settlement, 0.1, input_error)

    # then
    assert isinstance(actual_settlement, DeadLetter)
    assert [entry[0] for entry in logging_broker.mock_calls] == ["error"]
    stack = logging_broker.error.call_args.kwargs["traceback"]
    assert stack[-1] == "KeyError"
    assert "StudentServiceError" in stack
    assert any(line.endswith(" in lookup") for line in stack)
    assert email not in repr(logging_broker.mock_calls)


def lookup(email: str) -> None:
    raise KeyError(email)


def raised_service_error(email: str) -> StudentServiceError:
    try:
        try:
            lookup(email)
        except KeyError as inner:
            raise StudentServiceError(FailedStudentServiceError("KeyError")) from inner
    except StudentServiceError as error:
        return error
    raise AssertionError  # pragma: no cover - lookup always raises
