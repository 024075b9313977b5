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
from collections.abc import Sequence
from contextlib import AsyncExitStack
from typing import Any

import httpx

from bench.figures import Figures, percentile
from bench.registrations import (
    READY_PATIENCE_SECONDS,
    api_key_headers,
    requests_of,
    wait_until_ready,
)
from bench.runs import Broker, Meters, Session, session
from tests.backing_services import free_port

CONNECTIONS = 32
# Connections per client: one httpx pool of 32 spends about twice the CPU per request of two
# pools of 16 (3.2 against 1.5 ms measured), and the load should not be what saturates first.
POOL_CONNECTIONS = 8
OPEN_LOOP_RATE = 200.0


async def start_ingress(run: Session, pipeline: str, processes: int = 1) -> list[int]:
    """``processes`` ingress processes of ``pipeline``, each on a port of its own, once ready."""
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
    ports = [free_port() for _ in range(processes)]
    for port in ports:
        if pipeline == "project":
            run.start("ingress", ["cli", "ingress", "--host", "127.0.0.1", "--port", str(port)])
        else:
            run.start("ingress", ["bench.plain_ingress", run.namespace, str(port)])
    for port in ports:
        await wait_until_ready(port)
    return ports


def client_for(headers: dict[str, str], port: int, connections: int) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}",
        headers=headers,
        timeout=60,
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
    )


def key_headers(pipeline: str) -> dict[str, str]:
    """A fresh Idempotency-Key for each of the project's requests; none for the plain app."""
    return {"Idempotency-Key": str(uuid.uuid4())} if pipeline == "project" else {}


async def saturated(
    run: Session, clients: Sequence[httpx.AsyncClient], count: int, pipeline: str
) -> Figures:
    """``count`` posts over ``CONNECTIONS`` connections, spread evenly over the clients."""
    bodies = [request for _, request in requests_of(count)]
    answered: list[float] = []
    refused = 0
    next_index = 0
    meters = Meters(run, ["ingress"])

    async def connection(client: httpx.AsyncClient) -> None:
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
    await asyncio.gather(
        *(connection(clients[number % len(clients)]) for number in range(CONNECTIONS))
    )
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


async def open_loop(clients: Sequence[httpx.AsyncClient], seconds: float, pipeline: str) -> Figures:
    """Requests on a timetable at ``OPEN_LOOP_RATE``, taken by the clients in turn."""
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
        client = clients[index % len(clients)]
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
    broker: Broker,
    mongodb_url: str,
    count: int,
    seconds: float | None,
    pipeline: str,
    *,
    processes: int = 1,
) -> Figures:
    """Saturated posts to ``processes`` ingresses, then (``seconds`` given) the open loop."""
    async with session(broker, mongodb_url) as run:
        ports = await start_ingress(run, pipeline, processes)
        headers = api_key_headers(run) if pipeline == "project" else {}
        async with AsyncExitStack() as stack:
            pools = max(len(ports), CONNECTIONS // POOL_CONNECTIONS)
            clients = [
                await stack.enter_async_context(
                    client_for(headers, ports[pool % len(ports)], CONNECTIONS // pools)
                )
                for pool in range(pools)
            ]
            figures = await saturated(run, clients, count, pipeline)
            if seconds is None:
                return figures
            return {**figures, **await open_loop(clients, seconds, pipeline)}
