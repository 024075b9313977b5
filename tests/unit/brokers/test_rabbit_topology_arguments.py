"""Every queue of the topology is a quorum queue replicated on up to three nodes."""

from __future__ import annotations

from brokers.queues.rabbit_topology import queue_arguments
from brokers.queues.topology import DEAD_LETTER_DELIVERY_LIMIT, DELIVERY_LIMIT, QueueNames

NAMES = QueueNames("ns")
REPLICATED = {"x-queue-type": "quorum", "x-quorum-initial-group-size": 3}
AT_LEAST_ONCE = {"x-dead-letter-strategy": "at-least-once", "x-overflow": "reject-publish"}


def test_should_declare_each_queue_of_a_worker_replicated() -> None:
    # when
    arguments = queue_arguments(NAMES, (0.5, 5.0), "student")

    # then
    assert arguments == {
        "ns.student": {
            **REPLICATED,
            **AT_LEAST_ONCE,
            "x-dead-letter-exchange": "",
            "x-dead-letter-routing-key": "ns.student.dead",
            "x-delivery-limit": DELIVERY_LIMIT,
        },
        "ns.student.retry.500": {
            **REPLICATED,
            **AT_LEAST_ONCE,
            "x-dead-letter-exchange": "",
            "x-dead-letter-routing-key": "ns.student",
            "x-message-ttl": 500,
        },
        "ns.student.retry.5000": {
            **REPLICATED,
            **AT_LEAST_ONCE,
            "x-dead-letter-exchange": "",
            "x-dead-letter-routing-key": "ns.student",
            "x-message-ttl": 5000,
        },
        "ns.student.dead": {**REPLICATED, "x-delivery-limit": DEAD_LETTER_DELIVERY_LIMIT},
    }
    assert next(iter(arguments)) == "ns.student"
