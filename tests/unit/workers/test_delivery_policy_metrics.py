from __future__ import annotations

from contextlib import nullcontext
from unittest.mock import Mock, call, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from brokers.metrics import MetricsBroker
from brokers.queues import Ack, DeadLetter, IncomingMessage, RetryLater, Settlement
from workers.delivery_policy import DeliveryPolicy


def delivered(queue: str, routing_key: str) -> IncomingMessage:
    return IncomingMessage(
        queue=queue,
        routing_key=routing_key,
        body=b"{}",
        message_id="m-1",
        correlation_id=None,
        content_type=None,
        headers={},
        redelivered=False,
        attempt=1,
    )


@pytest.mark.parametrize(
    ("settlement", "outcome"),
    [
        (Ack(), "ack"),
        (RetryLater(1.0), "retry"),
        (DeadLetter(reason="invalid"), "dead_letter"),
    ],
)
def test_should_count_each_settled_message_by_worker_event_type_and_outcome(
    settlement: Settlement, outcome: str
) -> None:
    # given
    metrics: Mock = create_autospec(MetricsBroker, instance=True, spec_set=True)
    logging: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    policy = DeliveryPolicy(logging, (1.0,), 1, metrics, "culdesac")
    message = delivered("culdesac.library-card", "library_card.requested.v1")

    # when
    policy.settled(message, settlement, 0.25, None)

    # then
    assert metrics.mock_calls == [
        call.observe_message("library-card", "library_card.requested.v1", outcome, 0.25)
    ]


def test_should_track_a_message_in_flight_under_its_worker() -> None:
    # given
    metrics: Mock = create_autospec(MetricsBroker, instance=True, spec_set=True)
    in_flight = nullcontext()
    metrics.track_in_flight.return_value = in_flight
    logging: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    policy = DeliveryPolicy(logging, (1.0,), 1, metrics, "test-ns")

    # when
    actual = policy.handling(delivered("test-ns.student", "student.registered.v1"))

    # then
    assert actual is in_flight
    assert metrics.mock_calls == [call.track_in_flight("student")]
    assert logging.mock_calls == []
