"""``culdesac dead-letters list|replay|purge`` against a real worker's dead-letter queue."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import aio_pika

from tests.acceptance.conftest import eventually
from tests.acceptance.processes import CuldesacProcess


def culdesac(environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "cli", *arguments],
        env={**os.environ, **environment, "COLUMNS": "250"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def poison(index: int) -> aio_pika.Message:
    body = {
        "specversion": "1.0",
        "id": str(uuid.uuid4()),
        "source": "urn:test",
        "type": "student.registered.v1",
        "time": datetime.now(UTC).isoformat(),
        "data": {"id": str(uuid.uuid4()), "unexpected": index},
    }
    return aio_pika.Message(
        json.dumps(body).encode(),
        content_type="application/cloudevents+json",
        message_id=f"poison-{index}",
        correlation_id=f"correlation-{index}",
    )


def listed(environment: dict[str, str]) -> list[dict[str, Any]]:
    result = culdesac(
        environment, "dead-letters", "list", "--worker", "student", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


async def test_should_list_replay_and_purge_dead_letters_while_the_worker_runs(
    start_culdesac: Callable[..., CuldesacProcess],
    amqp_channel: aio_pika.abc.AbstractChannel,
    environment: dict[str, str],
    namespace: str,
) -> None:
    # given
    worker = start_culdesac("worker", "student")

    async def started() -> bool:
        assert worker.is_running(), worker.output()
        return "workers started" in worker.output()

    await eventually(started, within=60, what="the student worker")
    exchange = await amqp_channel.get_exchange(f"{namespace}.events")
    for index in range(3):
        await exchange.publish(poison(index), routing_key="student.registered.v1")

    async def three_dead() -> bool:
        return len(listed(environment)) == 3

    await eventually(three_dead, what="three dead letters")

    # when
    letters = listed(environment)
    table = culdesac(environment, "dead-letters", "list")
    worker.terminate()
    replay = culdesac(environment, "dead-letters", "replay", "-w", "student", "--id", "poison-1")
    missing = culdesac(environment, "dead-letters", "replay", "-w", "student", "--id", "nope")
    refused = culdesac(environment, "dead-letters", "purge", "--worker", "student")
    purge = culdesac(environment, "dead-letters", "purge", "--worker", "student", "--yes")
    nothing = culdesac(environment, "dead-letters", "purge", "--worker", "student")

    # then
    assert sorted(letter["id"] for letter in letters) == ["poison-0", "poison-1", "poison-2"]
    assert all(letter["category"] == "validation" for letter in letters)
    assert all("unexpected" in letter["reason"] for letter in letters)
    assert all(letter["correlation_id"].startswith("correlation-") for letter in letters)
    assert "3 dead-lettered message(s)" in table.stdout
    assert replay.returncode == 0, replay.stderr
    assert "replayed 1 message(s)" in replay.stderr
    assert missing.returncode == 1
    assert refused.returncode != 0
    assert "purged 2 message(s)" in purge.stderr
    assert nothing.returncode == 0, nothing.stderr
    assert "no dead letters to purge" in nothing.stderr
    assert listed(environment) == []
    queue = await amqp_channel.declare_queue(f"{namespace}.student", passive=True)
    replayed = await queue.get(no_ack=True)
    assert replayed.message_id == "poison-1"
    assert replayed.correlation_id == "correlation-1"
