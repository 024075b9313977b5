from __future__ import annotations

from datetime import UTC, datetime, timedelta
from unittest.mock import Mock, call, create_autospec

import httpx
import pytest
from rich.console import Console

from brokers.queues.queue_statistics import QueueStatistics, QueueStatisticsBroker
from brokers.queues.rabbit_management import (
    RabbitManagementStatistics,
    management_url_of,
    vhost_of,
)
from brokers.queues.topology import QueueNames
from brokers.storages import StorageBroker
from cli.status import render
from cli.status_snapshot import StatusSnapshot, WorkerStatus, read_status

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
NAMES = QueueNames("ns")
TIERS = (1.0, 5.0)


@pytest.fixture
def statistics() -> Mock:
    mock: Mock = create_autospec(QueueStatisticsBroker, instance=True, spec_set=True)
    mock.source = "amqp"
    return mock


@pytest.fixture
def storage() -> Mock:
    mock: Mock = create_autospec(StorageBroker, instance=True, spec_set=True)
    return mock


async def test_should_read_each_workers_queues_and_the_oldest_pending_registration(
    statistics: Mock, storage: Mock
) -> None:
    # given: the contact worker's queues are not declared
    statistics.read_queues.return_value = {
        "ns.student": QueueStatistics(depth=4, consumers=2),
        "ns.student.dead": QueueStatistics(depth=1, consumers=0),
        "ns.student.retry.1000": QueueStatistics(depth=2, consumers=0),
        "ns.student.retry.5000": QueueStatistics(depth=3, consumers=0),
    }
    storage.count_unsettled_registrations.return_value = 2
    storage.select_oldest_unsettled_registration.return_value = {
        "id": "r",
        "created_at": (NOW - timedelta(seconds=90)).isoformat(),
    }

    # when
    snapshot = await read_status(statistics, storage, NAMES, TIERS, ["student", "contact"], now=NOW)

    # then
    assert snapshot == StatusSnapshot(
        taken_at=NOW,
        source="amqp",
        workers=[
            WorkerStatus("student", "ns.student", 4, 2, None, None, 5, 1),
            WorkerStatus("contact", "ns.contact", None, None, None, None, None, None),
        ],
        pending_registrations=2,
        oldest_pending_age_seconds=90.0,
    )
    assert statistics.mock_calls == [
        call.read_queues(
            [
                "ns.student",
                "ns.student.dead",
                "ns.student.retry.1000",
                "ns.student.retry.5000",
                "ns.contact",
                "ns.contact.dead",
                "ns.contact.retry.1000",
                "ns.contact.retry.5000",
            ]
        )
    ]
    assert storage.mock_calls == [
        call.count_unsettled_registrations(),
        call.select_oldest_unsettled_registration(),
    ]


async def test_should_not_look_for_the_oldest_when_nothing_is_pending(
    statistics: Mock, storage: Mock
) -> None:
    # given
    statistics.read_queues.return_value = {}
    storage.count_unsettled_registrations.return_value = 0

    # when
    snapshot = await read_status(statistics, storage, NAMES, TIERS, ["student"], now=NOW)

    # then
    assert (snapshot.pending_registrations, snapshot.oldest_pending_age_seconds) == (0, None)
    assert storage.mock_calls == [call.count_unsettled_registrations()]


def test_should_render_a_row_per_worker_the_pending_line_and_a_lasting_error() -> None:
    # given
    snapshot = StatusSnapshot(
        taken_at=NOW,
        source="management",
        workers=[WorkerStatus("student", "ns.student", 4, 2, 12.5, 11.0, 5, 1)],
        pending_registrations=2,
        oldest_pending_age_seconds=90.0,
    )
    console = Console(record=True, width=120)

    # when
    console.print(render(snapshot, "RabbitMQ: gone"))

    # then
    text = console.export_text()
    assert "culdesac status at 12:00:00 UTC" in text
    assert "│ student │ ns.student │     4 │         2 │ 12.5 │  11.0 │        5 │    1 │" in text
    assert "12.5" in text
    assert "registrations pending: 2, oldest accepted 90.0s ago" in text
    assert "error: RabbitMQ: gone (showing the last reading)" in text
    assert "management plugin" not in text


def test_should_find_the_management_api_beside_the_amqp_server() -> None:
    assert management_url_of("amqp://user:pw@rabbit:5672/%2Fprod") == "http://user:pw@rabbit:15672/"
    assert management_url_of("amqps://rabbit-1,rabbit-2") == "https://rabbit-1:15672/"
    assert vhost_of("amqp://user:pw@rabbit:5672/%2Fprod") == "/prod"
    assert vhost_of("amqp://rabbit:5672/") == "/"


async def test_should_read_depths_consumers_and_rates_from_the_management_api() -> None:
    # given
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(
            200,
            json=[
                {
                    "name": "ns.student",
                    "messages_ready": 7,
                    "consumers": 3,
                    "message_stats": {
                        "publish_details": {"rate": 40.5},
                        "ack_details": {"rate": 38.0},
                    },
                },
                {"name": "ns.student.dead", "messages_ready": 1, "consumers": 0},
                {"name": "other.queue", "messages_ready": 9, "consumers": 0},
            ],
        )

    broker = RabbitManagementStatistics(
        "http://user:pw@rabbit:15672/", "/prod", transport=httpx.MockTransport(answer)
    )

    # when
    found = await broker.read_queues(["ns.student", "ns.student.dead", "ns.guardian"])
    await broker.close()

    # then
    assert found == {
        "ns.student": QueueStatistics(7, 3, 40.5, 38.0),
        "ns.student.dead": QueueStatistics(1, 0, 0.0, 0.0),
    }
    (request,) = requests
    assert request.url.raw_path.startswith(b"/api/queues/%2Fprod?")
    assert request.headers["authorization"] == httpx.BasicAuth("user", "pw")._auth_header
