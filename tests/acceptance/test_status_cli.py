"""``culdesac status --once --format json`` against queues and a ledger in a known state."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import aio_pika

from contracts.workers import WORKER_NAMES
from tests.acceptance.processes import CuldesacProcess
from tests.backing_services import free_port

# Long enough that nothing expires back to a worker queue while the test looks.
RETRY_DELAYS = "5,30"


def finished(process: CuldesacProcess, timeout: float = 60) -> tuple[int, str]:
    return process.process.wait(timeout=timeout), process.output()


def ledger_entry(created_at: datetime, *, settled: bool) -> dict[str, Any]:
    stamp = created_at.isoformat().replace("+00:00", "Z")
    return {
        "_id": str(uuid.uuid4()),
        "student_id": str(uuid.uuid4()),
        "concerns": {"student": {"status": "persisted" if settled else "pending"}},
        "created_at": stamp,
        "updated_at": stamp,
        **({"settled_at": stamp} if settled else {}),
    }


async def publish(channel: aio_pika.abc.AbstractChannel, queue: str, count: int) -> None:
    for index in range(count):
        await channel.default_exchange.publish(
            aio_pika.Message(f'{{"n": {index}}}'.encode(), message_id=str(uuid.uuid4())), queue
        )


async def test_should_print_each_queue_and_the_pending_registrations_as_json(
    start_culdesac: Callable[..., CuldesacProcess],
    amqp_channel: aio_pika.abc.AbstractChannel,
    database: Any,
    namespace: str,
) -> None:
    # given: 3 waiting for the student worker, 2 contact dead letters, 2 guardian retries
    declared = finished(start_culdesac("topology", "declare", CULDESAC_RETRY_DELAYS=RETRY_DELAYS))
    assert declared[0] == 0, declared[1]
    await publish(amqp_channel, f"{namespace}.student", 3)
    await publish(amqp_channel, f"{namespace}.contact.dead", 2)
    await publish(amqp_channel, f"{namespace}.guardian.retry.30000", 2)
    now = datetime.now(UTC)
    await database.registrations.insert_many(
        [
            ledger_entry(now - timedelta(seconds=40), settled=False),
            ledger_entry(now - timedelta(seconds=10), settled=False),
            ledger_entry(now - timedelta(seconds=300), settled=True),
        ]
    )

    # when
    exit_code, output = finished(
        start_culdesac("status", "--once", "--format", "json", CULDESAC_RETRY_DELAYS=RETRY_DELAYS)
    )

    # then
    assert exit_code == 0, output
    (line,) = output.strip().splitlines()
    status = json.loads(line)
    by_worker = {worker["worker"]: worker for worker in status["workers"]}
    assert list(by_worker) == list(WORKER_NAMES)
    # no management API on this server: AMQP tells depths and consumers, not rates
    assert status["source"] in {"amqp", "management"}
    expected = {
        name: {"depth": 0, "consumers": 0, "retries_waiting": 0, "dead_letters": 0}
        for name in WORKER_NAMES
    }
    expected["student"]["depth"] = 3
    expected["contact"]["dead_letters"] = 2
    expected["guardian"]["retries_waiting"] = 2
    for name, figures in expected.items():
        found = by_worker[name]
        assert found["queue"] == f"{namespace}.{name}"
        assert {key: found[key] for key in figures} == figures, name
        if status["source"] == "amqp":
            assert (found["in_per_second"], found["out_per_second"]) == (None, None)
    assert status["registrations"]["pending"] == 2
    assert 40 <= status["registrations"]["oldest_pending_age_seconds"] < 100


async def test_should_say_in_one_line_that_rabbitmq_is_away_and_exit_1(
    start_culdesac: Callable[..., CuldesacProcess],
) -> None:
    # given: nothing listens there
    away = f"amqp://guest:guest@127.0.0.1:{free_port()}/"

    # when
    exit_code, output = finished(
        start_culdesac("status", "--once", CULDESAC_AMQP_URL=away), timeout=90
    )

    # then
    assert exit_code == 1, output
    (line,) = output.strip().splitlines()
    assert line.startswith("error: cannot connect to RabbitMQ: ")
    assert line.count("RabbitMQ") == 1
    assert "Traceback" not in output
