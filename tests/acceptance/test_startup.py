"""Processes started while RabbitMQ or MongoDB is away wait for it, say so, then work."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest
from faker import Faker
from pymongo import AsyncMongoClient

from tests.acceptance.conftest import eventually
from tests.acceptance.processes import CuldesacProcess
from tests.acceptance.test_student_worker import random_student
from tests.backing_services import SECANTUS_URL_OPTIONS, free_port, secantus_server, unavailable
from tests.faults.rabbit_node import RabbitNode, RabbitNodeError, scratch_directory
from tests.unit.contracts.conftest import create_random_registration_request_payload


class LateMongo:
    """A SecantusDB whose URL is known before it runs, started when the test says."""

    def __init__(self, storage_path: Path) -> None:
        self.port = free_port()
        self.url = f"mongodb://127.0.0.1:{self.port}/?{SECANTUS_URL_OPTIONS}"
        self._storage_path = storage_path
        self._running = ExitStack()

    async def start(self) -> None:
        def start() -> None:
            self._running.enter_context(secantus_server(self._storage_path, self.port))

        await asyncio.to_thread(start)

    def stop(self) -> None:
        self._running.close()


@pytest.fixture
def late_mongo(tmp_path: Path) -> Iterator[LateMongo]:
    server = LateMongo(tmp_path / "secantus-data")
    yield server
    server.stop()


@pytest.fixture
def late_rabbit() -> Iterator[RabbitNode]:
    scratch = scratch_directory()
    try:
        node = RabbitNode(scratch)
    except RabbitNodeError as error:
        shutil.rmtree(scratch, ignore_errors=True)
        unavailable(f"no private RabbitMQ node can be run here: {error}")
        raise  # unavailable() skips or fails; this line is never reached
    try:
        yield node
    finally:
        node.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def log_records(process: CuldesacProcess) -> list[dict[str, Any]]:
    return [json.loads(line) for line in process.output().splitlines() if line.startswith("{")]


def waiting_lines(process: CuldesacProcess, service: str) -> list[dict[str, Any]]:
    return [record for record in log_records(process) if record.get("service") == service]


async def said_it_waits(process: CuldesacProcess, service: str) -> None:
    async def waiting() -> bool:
        assert process.is_running(), process.output()
        return bool(waiting_lines(process, service))

    await eventually(waiting, within=60, what=f"a line saying it waits for {service}")


def assert_one_short_line_per_try(process: CuldesacProcess, service: str) -> None:
    output = process.output()
    assert "Traceback" not in output, output
    assert "Topology Description" not in output, output
    lines = waiting_lines(process, service)
    assert lines, output
    for attempt, line in enumerate(lines, start=1):
        assert line["level"] == "warning", line
        assert line["attempt"] == attempt, lines
        assert line["event"] == (
            f"waiting for {service}: not answering, next try in {line['retry_in_s']:.1f}s"
        )
        assert len(json.dumps(line)) < 600, line
    pauses = [line["retry_in_s"] for line in lines]
    assert pauses == sorted(pauses), pauses


async def started(process: CuldesacProcess, text: str) -> None:
    async def running() -> bool:
        assert process.is_running(), process.output()
        return text in process.output()

    await eventually(running, within=90, what=f"{text!r} in the output")


async def test_should_wait_for_mongodb_then_store_students(
    start_culdesac: Callable[..., CuldesacProcess],
    late_mongo: LateMongo,
    database_name: str,
    faker: Faker,
) -> None:
    # given
    worker = start_culdesac("worker", "student", CULDESAC_MONGODB_URL=late_mongo.url)
    await said_it_waits(worker, "MongoDB")

    # when
    await late_mongo.start()

    # then
    await started(worker, "workers started")
    student = random_student(faker)
    publisher = start_culdesac("publish", "student.registered.v1", json.dumps(student))
    assert await asyncio.to_thread(publisher.process.wait, 60) == 0, publisher.output()
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(late_mongo.url)
    try:

        async def stored() -> bool:
            found = await client[database_name].students.find_one({"_id": student["id"]})
            return found is not None

        await eventually(stored, within=30, what="the student to be stored")
    finally:
        await client.close()
    assert_one_short_line_per_try(worker, "MongoDB")
    assert await asyncio.to_thread(worker.terminate) == 0, worker.output()


async def test_should_exit_0_on_sigterm_while_waiting_for_mongodb(
    start_culdesac: Callable[..., CuldesacProcess], late_mongo: LateMongo
) -> None:
    # given
    worker = start_culdesac("worker", "student", CULDESAC_MONGODB_URL=late_mongo.url)
    await said_it_waits(worker, "MongoDB")

    # when
    exit_code = await asyncio.to_thread(worker.terminate)

    # then
    assert exit_code == 0, worker.output()
    assert "stopped while waiting for backing services" in worker.output()
    assert_one_short_line_per_try(worker, "MongoDB")


async def test_should_give_up_after_the_startup_timeout_with_one_line(
    start_culdesac: Callable[..., CuldesacProcess], late_mongo: LateMongo
) -> None:
    # when
    worker = start_culdesac(
        "worker", "student", CULDESAC_MONGODB_URL=late_mongo.url, CULDESAC_STARTUP_TIMEOUT="3"
    )
    exit_code = await asyncio.to_thread(worker.process.wait, 60)

    # then
    output = worker.output()
    assert exit_code == 1, output
    assert "Traceback" not in output, output
    expected_line = (
        f"error: MongoDB is unavailable: 127.0.0.1:{late_mongo.port}: "
        f"[Errno 111] Connect call failed ('127.0.0.1', {late_mongo.port})"
    )
    assert [line for line in output.splitlines() if not line.startswith("{")] == [expected_line]


@pytest.fixture
async def ingress_client() -> AsyncIterator[tuple[int, httpx.AsyncClient]]:
    port = free_port()
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
        yield port, client


async def listening(client: httpx.AsyncClient, process: CuldesacProcess) -> None:
    async def healthy() -> bool:
        assert process.is_running(), process.output()
        try:
            return (await client.get("/healthz")).status_code == httpx.codes.OK
        except httpx.TransportError:
            return False

    await eventually(healthy, within=60, what="the ingress to listen")


async def test_should_listen_at_once_and_accept_once_mongodb_answers(
    start_culdesac: Callable[..., CuldesacProcess],
    late_mongo: LateMongo,
    ingress_client: tuple[int, httpx.AsyncClient],
) -> None:
    # given
    port, client = ingress_client
    ingress = start_culdesac("ingress", "--port", str(port), CULDESAC_MONGODB_URL=late_mongo.url)
    await listening(client, ingress)
    payload = create_random_registration_request_payload(Faker())

    # when
    not_ready = await client.get("/readyz")
    refused = await client.post("/v1/registrations", json=payload)
    await said_it_waits(ingress, "MongoDB")
    await late_mongo.start()

    # then
    assert not_ready.status_code == httpx.codes.SERVICE_UNAVAILABLE, not_ready.text
    assert refused.status_code == httpx.codes.SERVICE_UNAVAILABLE, refused.text
    assert refused.headers["Retry-After"] == "5"

    async def ready() -> bool:
        return (await client.get("/readyz")).status_code == httpx.codes.OK

    await eventually(ready, within=60, what="the ingress to be ready")
    accepted = await client.post("/v1/registrations", json=payload)
    assert accepted.status_code == httpx.codes.ACCEPTED, accepted.text
    assert_one_short_line_per_try(ingress, "MongoDB")
    assert await asyncio.to_thread(ingress.terminate) == 0, ingress.output()


async def test_should_exit_0_on_sigterm_while_the_ingress_waits(
    start_culdesac: Callable[..., CuldesacProcess],
    late_mongo: LateMongo,
    ingress_client: tuple[int, httpx.AsyncClient],
) -> None:
    # given
    port, client = ingress_client
    ingress = start_culdesac("ingress", "--port", str(port), CULDESAC_MONGODB_URL=late_mongo.url)
    await listening(client, ingress)
    await said_it_waits(ingress, "MongoDB")

    # when
    exit_code = await asyncio.to_thread(ingress.terminate)

    # then
    assert exit_code == 0, ingress.output()
    assert_one_short_line_per_try(ingress, "MongoDB")


async def test_should_wait_for_rabbitmq_then_consume(
    start_culdesac: Callable[..., CuldesacProcess],
    late_rabbit: RabbitNode,
    ingress_client: tuple[int, httpx.AsyncClient],
) -> None:
    # given
    worker = start_culdesac("worker", "student", CULDESAC_AMQP_URL=late_rabbit.url)
    port, client = ingress_client
    ingress = start_culdesac("ingress", "--port", str(port), CULDESAC_AMQP_URL=late_rabbit.url)
    await listening(client, ingress)
    refused = await client.post(
        "/v1/registrations", json=create_random_registration_request_payload(Faker())
    )
    await said_it_waits(worker, "RabbitMQ")
    await said_it_waits(ingress, "RabbitMQ")

    # when
    await asyncio.to_thread(late_rabbit.start)

    # then
    assert refused.status_code == httpx.codes.SERVICE_UNAVAILABLE, refused.text
    await started(worker, "workers started")
    await started(ingress, "ingress connected")
    publisher = start_culdesac(
        "publish",
        "student.registered.v1",
        json.dumps(random_student(Faker())),
        CULDESAC_AMQP_URL=late_rabbit.url,
    )
    assert await asyncio.to_thread(publisher.process.wait, 60) == 0, publisher.output()
    await started(worker, "message processed")
    assert_one_short_line_per_try(worker, "RabbitMQ")
    assert_one_short_line_per_try(ingress, "RabbitMQ")
    assert await asyncio.to_thread(worker.terminate) == 0, worker.output()
    assert await asyncio.to_thread(ingress.terminate) == 0, ingress.output()


async def test_should_exit_0_on_sigterm_while_waiting_for_rabbitmq(
    start_culdesac: Callable[..., CuldesacProcess],
) -> None:
    # given
    closed = f"amqp://guest:guest@127.0.0.1:{free_port()}/"
    worker = start_culdesac("worker", "student", CULDESAC_AMQP_URL=closed)
    await said_it_waits(worker, "RabbitMQ")

    # when
    exit_code = await asyncio.to_thread(worker.terminate)

    # then
    assert exit_code == 0, worker.output()
    assert_one_short_line_per_try(worker, "RabbitMQ")
