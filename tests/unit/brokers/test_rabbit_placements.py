"""Where the management API is looked for, and how a queue's placement is read from it."""

from __future__ import annotations

from brokers.queues.rabbit_placements import (
    ManagementEndpoint,
    QueuePlacement,
    _placement,
    management_endpoints,
)
from cli.topology import format_placements


def test_should_look_on_each_amqp_node_with_its_credentials_by_default() -> None:
    endpoints = management_endpoints("amqp://u:p@r1:5672/v,amqp://u:p@r2:5673/v", None)

    assert endpoints == [
        ManagementEndpoint("http://r1:15672", "u", "p", "v"),
        ManagementEndpoint("http://r2:15672", "u", "p", "v"),
    ]


def test_should_use_the_given_management_urls_and_the_default_vhost() -> None:
    endpoints = management_endpoints(
        "amqp://u:p@r1:5672/", "http://admin:secret@m1:15672/,http://m2:15672"
    )

    assert endpoints == [
        ManagementEndpoint("http://m1:15672", "admin", "secret", "/"),
        ManagementEndpoint("http://m2:15672", "u", "p", "/"),
    ]


def test_should_read_a_quorum_queue_leader_first_then_its_members() -> None:
    document = {"type": "quorum", "leader": "rabbit@b", "members": ["rabbit@a", "rabbit@b"]}

    assert _placement("ns.student", document) == QueuePlacement(
        "ns.student", "quorum", "rabbit@b", ("rabbit@b", "rabbit@a")
    )


def test_should_read_a_classic_queue_on_its_node() -> None:
    assert _placement("ns.old", {"node": "rabbit@a"}) == QueuePlacement(
        "ns.old", "classic", "rabbit@a", ("rabbit@a",)
    )


def test_should_print_one_aligned_line_per_queue() -> None:
    placements = [
        QueuePlacement("ns.student", "quorum", "rabbit@a", ("rabbit@a", "rabbit@b")),
        QueuePlacement("ns.student.dead", "quorum", "rabbit@b", ("rabbit@b",)),
    ]

    assert format_placements(placements).splitlines() == [
        "ns.student       quorum   leader rabbit@a  members rabbit@a, rabbit@b",
        "ns.student.dead  quorum   leader rabbit@b  members rabbit@b",
    ]
