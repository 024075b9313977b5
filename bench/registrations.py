"""Registrations through ``culdesac worker --all`` (+ ``culdesac ingress``) and a plain pipeline.

Saturated: N ``registration.requested.v1`` events published at once with a plain AMQP client,
to the project's workers and to the plain fan-out of ``bench.plain``, the same bodies for both.
Open loop: requests on a timetable at a fixed rate, to the project through its ingress (HTTP)
and to the plain pipeline over AMQP; latency runs from each request's scheduled time, so a slow
answer cannot hide queueing. A registration is complete when the watcher has seen every one of
its concerns' outcome events; nothing polls the storage or the status endpoint while timing.
"""

from __future__ import annotations

import asyncio
import json
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import aio_pika
import httpx
from pymongo import AsyncMongoClient

from bench.figures import Figures, percentile
from bench.plain import queue_name
from bench.runs import Broker, Meters, Session, session, wait_for_queue
from bench.watch import Watcher
from brokers.storages.document_mappings import from_stored
from contracts.registrations import RegistrationStatus
from services.foundations.registrations.registration_service_mappings import map_to_registration
from standalone.registrations import generated_registration
from tests.backing_services import free_port

PATIENCE_SECONDS = 600
READY_PATIENCE_SECONDS = 120
SEED = 2026
Send = Callable[[dict[str, Any], str], Awaitable[str | None]]


def expected_outcomes(request: dict[str, Any]) -> int:
    """One outcome per concern: student, each guardian, contact, the card if asked, each dose."""
    return (
        2
        + len(request["guardians"])
        + (1 if request["library_card"] else 0)
        + len(request["immunizations"])
    )


def requests_of(count: int, seed: int = SEED) -> list[tuple[str, dict[str, Any]]]:
    rng = random.Random(seed)
    return [(str(uuid.uuid4()), generated_registration(rng, index)) for index in range(count)]


def requested_event(registration_id: str, request: dict[str, Any]) -> bytes:
    return json.dumps(
        {
            "specversion": "1.0",
            "id": str(uuid.uuid4()),
            "source": "urn:culdesac:bench",
            "type": "registration.requested.v1",
            "time": datetime.now(UTC).isoformat(),
            "datacontenttype": "application/json",
            "data": {**request, "registration_id": registration_id},
            "correlationid": registration_id,
        }
    ).encode()


async def start_workers(run: Session, processes: int = 1) -> None:
    for _ in range(processes):
        run.start("workers", ["cli", "worker", "--all"])
    await wait_for_queue(run, f"{run.namespace}.registration")


async def start_project(run: Session) -> int:
    port = free_port()
    await start_workers(run)
    run.start("ingress", ["cli", "ingress", "--host", "127.0.0.1", "--port", str(port)])
    await wait_until_ready(port)
    return port


async def wait_until_ready(port: int) -> None:
    """Until the HTTP server on ``port`` answers ``/readyz`` with 200."""
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        deadline = time.monotonic() + READY_PATIENCE_SECONDS
        while True:
            try:
                if (await client.get("/readyz")).status_code == httpx.codes.OK:
                    return
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
            await asyncio.sleep(0.2)


def api_key_headers(run: Session) -> dict[str, str]:
    """A bearer token from ``culdesac api-keys create`` where the ingress asks for one."""
    created = subprocess.run(
        [sys.executable, "-m", "cli", "api-keys", "create", "bench"],
        env=run.environment(),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    lines = created.stdout.strip().splitlines()
    if created.returncode != 0 or not lines:
        return {}
    return {"Authorization": f"Bearer {lines[-1].strip()}"}


async def start_plain(run: Session, batch: bool) -> None:
    mode = "registrations-batch" if batch else "registrations"
    run.start("workers", ["bench.plain", mode, run.namespace])
    await wait_for_queue(run, queue_name(run.namespace, "immunization"))


async def ledger_settled(run: Session, ids: list[str], started_wall: datetime) -> Figures:
    """After timing: how the project's ledger ended, read once from the storage."""
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(run.mongodb_url)
    try:
        deadline = time.monotonic() + 60
        while True:
            entries = [
                map_to_registration(from_stored(document))
                async for document in client[run.database_name].registrations.find(
                    {"_id": {"$in": ids}}
                )
            ]
            completed = [e for e in entries if e.status == RegistrationStatus.COMPLETED]
            if len(completed) == len(ids) or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
    finally:
        await client.close()
    last = max((e.updated_at for e in completed), default=None)
    seconds = (last - started_wall).total_seconds() if last is not None else None
    return {
        "ledger completed": len(completed),
        "registrations per second, ledger": round(len(ids) / seconds, 1) if seconds else None,
    }


async def saturated(run: Session, count: int, *, ledger: bool, seed: int = SEED) -> Figures:
    requests = requests_of(count, seed)
    bodies = [requested_event(registration_id, request) for registration_id, request in requests]
    async with Watcher(run.amqp_url, run.exchange_name) as watcher:
        connection = await aio_pika.connect(run.amqp_url)
        meters = Meters(run, ["workers"])  # the ingress has no part in this one
        try:
            channel = await connection.channel(publisher_confirms=True)
            exchange = await channel.get_exchange(run.exchange_name)
            await meters.start()
            started_wall = datetime.now(UTC)
            started = time.monotonic()
            await asyncio.gather(
                *(
                    exchange.publish(
                        aio_pika.Message(body, content_type="application/cloudevents+json"),
                        routing_key="registration.requested.v1",
                    )
                    for body in bodies
                )
            )

            def done() -> bool:
                return all(
                    watcher.completed_at(registration_id, expected_outcomes(request)) is not None
                    for registration_id, request in requests
                )

            await watcher.until(done, PATIENCE_SECONDS)
            await meters.stop()
        finally:
            await connection.close()
        completions = [
            watcher.completed_at(registration_id, expected_outcomes(request)) or started
            for registration_id, request in requests
        ]
        messages = sum(watcher.messages.values())
        failed = watcher.failed
    figures: Figures = {
        "registrations per second": round(count / (max(completions) - started), 1),
        "messages per registration": round(messages / count, 2),
        "failed outcomes": failed,
        **meters.figures(count, "registration"),
    }
    if ledger:
        figures = {**figures, **await ledger_settled(run, [r for r, _ in requests], started_wall)}
    return figures


async def open_loop(run: Session, send: Send, rate: float, count: int) -> Figures:
    """``count`` requests, request i sent at ``i / rate`` seconds; latency from that time."""
    requests = requests_of(count)
    scheduled: dict[str, float] = {}
    answered: list[float] = []
    refused = 0
    meters = Meters(run)
    async with Watcher(run.amqp_url, run.exchange_name) as watcher:
        await meters.start()
        started = time.monotonic() + 0.5

        async def one(index: int, registration_id: str, request: dict[str, Any]) -> None:
            nonlocal refused
            at = started + index / rate
            await asyncio.sleep(max(0.0, at - time.monotonic()))
            accepted_id = await send(request, registration_id)
            answered.append(time.monotonic() - at)
            if accepted_id is None:
                refused += 1
            else:
                scheduled[accepted_id] = at
                # Answers come back in any order: each accepted id keeps its own request's count.
                ids[accepted_id] = expected_outcomes(request)

        ids: dict[str, int] = {}
        await asyncio.gather(*(one(i, r, request) for i, (r, request) in enumerate(requests)))

        def done() -> bool:
            return all(watcher.completed_at(r, n) is not None for r, n in ids.items())

        await watcher.until(done, PATIENCE_SECONDS)
        await meters.stop()
        latencies = [(watcher.completed_at(r, n) or 0.0) - scheduled[r] for r, n in ids.items()]
    return {
        "open-loop rate per second": round(rate, 1),
        "open-loop requests": count,
        "refused": refused,
        "accept→completed p50 ms": round(1000 * percentile(latencies, 0.5)),
        "accept→completed p99 ms": round(1000 * percentile(latencies, 0.99)),
        "answer p50 ms": round(1000 * percentile(answered, 0.5), 1),
        "answer p99 ms": round(1000 * percentile(answered, 0.99), 1),
        **meters.figures(len(ids), "registration"),
    }


async def measure_registrations(
    broker: Broker, mongodb_url: str, count: int, pipeline: str, processes: int = 1
) -> Figures:
    """N registrations at once to ``processes`` worker processes of one pipeline."""
    async with session(broker, mongodb_url) as run:
        if pipeline == "project":
            await start_workers(run, processes)
        else:
            await start_plain(run, batch=pipeline == "plain-batch")
        return await saturated(run, count, ledger=pipeline == "project")


async def measure_open_loop(
    broker: Broker, mongodb_url: str, pipeline: str, rate: float, seconds: float
) -> Figures:
    count = max(10, round(rate * seconds))
    async with session(broker, mongodb_url) as run:
        if pipeline == "project":
            port = await start_project(run)
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{port}",
                headers=api_key_headers(run),
                timeout=60,
                limits=httpx.Limits(max_connections=256),
            ) as client:

                async def post(request: dict[str, Any], _: str) -> str | None:
                    response = await client.post("/v1/registrations", json=request)
                    if response.status_code != httpx.codes.ACCEPTED:
                        return None
                    registration_id: str = response.json()["registration_id"]
                    return registration_id

                return await open_loop(run, post, rate, count)
        await start_plain(run, batch=pipeline == "plain-batch")
        connection = await aio_pika.connect(run.amqp_url)
        try:
            channel = await connection.channel(publisher_confirms=True)
            exchange = await channel.get_exchange(run.exchange_name)

            async def publish(request: dict[str, Any], registration_id: str) -> str | None:
                await exchange.publish(
                    aio_pika.Message(
                        requested_event(registration_id, request),
                        content_type="application/cloudevents+json",
                    ),
                    routing_key="registration.requested.v1",
                )
                return registration_id

            return await open_loop(run, publish, rate, count)
        finally:
            await connection.close()
