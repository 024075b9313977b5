"""The ingress beside a plain FastAPI app that validates the same body and publishes it.

Saturated: N registrations posted over ``CONNECTIONS`` keep-alive connections, each posting
its next one as soon as the last was answered. Open loop: requests on a timetable at a fixed
rate; the latency of each 202 runs from its scheduled time, so a slow answer cannot hide
queueing. Nothing consumes the published events: this measures the door alone. The project's
run sends a bearer token when ``culdesac api-keys create`` gives one, and each of its requests
an Idempotency-Key of its own, so the key-derived id and the ledger's key path are measured.
"""

from __future__ import annotations

import asyncio
import sys
import time
import uuid
from typing import Any

import httpx

from bench.figures import Figures, percentile
from bench.registrations import (
    READY_PATIENCE_SECONDS,
    api_key_headers,
    requests_of,
    wait_until_ready,
)
from bench.runs import Meters, Session, session
from tests.backing_services import free_port

CONNECTIONS = 32
OPEN_LOOP_RATE = 200.0


async def start_ingress(run: Session, pipeline: str) -> int:
    port = free_port()
    if pipeline == "project":
        declaring = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "cli",
            "topology",
            "declare",
            env=run.environment(),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        if await asyncio.wait_for(declaring.wait(), READY_PATIENCE_SECONDS) != 0:
            raise SystemExit("error: culdesac topology declare failed")
        run.start("ingress", ["cli", "ingress", "--host", "127.0.0.1", "--port", str(port)])
    else:
        run.start("ingress", ["bench.plain_ingress", run.namespace, str(port)])
    await wait_until_ready(port)
    return port


def client_for(run: Session, pipeline: str, port: int) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}",
        headers=api_key_headers(run) if pipeline == "project" else {},
        timeout=60,
        limits=httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS),
    )


def key_headers(pipeline: str) -> dict[str, str]:
    """A fresh Idempotency-Key for each of the project's requests; none for the plain app."""
    return {"Idempotency-Key": str(uuid.uuid4())} if pipeline == "project" else {}


async def saturated(run: Session, client: httpx.AsyncClient, count: int, pipeline: str) -> Figures:
    bodies = [request for _, request in requests_of(count)]
    answered: list[float] = []
    refused = 0
    next_index = 0
    meters = Meters(run, ["ingress"])

    async def connection() -> None:
        nonlocal next_index, refused
        while next_index < len(bodies):
            body = bodies[next_index]
            next_index += 1
            headers = key_headers(pipeline)
            sent = time.monotonic()
            response = await client.post("/v1/registrations", json=body, headers=headers)
            answered.append(time.monotonic() - sent)
            if response.status_code != httpx.codes.ACCEPTED:
                refused += 1

    await meters.start()
    started = time.monotonic()
    await asyncio.gather(*(connection() for _ in range(CONNECTIONS)))
    elapsed = time.monotonic() - started
    await meters.stop()
    accepted = count - refused
    return {
        "accepted per second": round(accepted / elapsed, 1),
        "refused": refused,
        "answer p50 ms": round(1000 * percentile(answered, 0.5), 1),
        "answer p99 ms": round(1000 * percentile(answered, 0.99), 1),
        **meters.figures(count, "request"),
    }


async def open_loop(client: httpx.AsyncClient, seconds: float, pipeline: str) -> Figures:
    count = max(10, round(OPEN_LOOP_RATE * seconds))
    bodies = [request for _, request in requests_of(count)]
    latencies: list[float] = []
    refused = 0
    started = time.monotonic() + 0.5

    async def one(index: int, body: dict[str, Any]) -> None:
        nonlocal refused
        at = started + index / OPEN_LOOP_RATE
        headers = key_headers(pipeline)
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        response = await client.post("/v1/registrations", json=body, headers=headers)
        latencies.append(time.monotonic() - at)
        if response.status_code != httpx.codes.ACCEPTED:
            refused += 1

    await asyncio.gather(*(one(index, body) for index, body in enumerate(bodies)))
    return {
        "open-loop rate per second": OPEN_LOOP_RATE,
        "open-loop refused": refused,
        "open-loop 202 p50 ms": round(1000 * percentile(latencies, 0.5), 1),
        "open-loop 202 p99 ms": round(1000 * percentile(latencies, 0.99), 1),
    }


async def measure_ingress(
    amqp_url: str, mongodb_url: str, count: int, seconds: float, pipeline: str
) -> Figures:
    async with session(amqp_url, mongodb_url) as run:
        port = await start_ingress(run, pipeline)
        async with client_for(run, pipeline, port) as client:
            figures = await saturated(run, client, count, pipeline)
            return {**figures, **await open_loop(client, seconds, pipeline)}
