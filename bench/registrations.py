"""The whole flow: ``culdesac worker --all`` and ``culdesac ingress`` as processes, N posts."""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import uuid
from datetime import datetime
from typing import Any

import httpx

from tests.backing_services import delete_namespace, free_port
from workers.demo import generated_registration

PATIENCE_SECONDS = 600
POLL_SECONDS = 0.5


async def measure_registrations(amqp_url: str, mongodb_url: str, count: int) -> dict[str, Any]:
    namespace = f"bench-{uuid.uuid4().hex[:8]}"
    port = free_port()
    environment = {
        **os.environ,
        "CULDESAC_AMQP_URL": amqp_url,
        "CULDESAC_MONGODB_URL": mongodb_url,
        "CULDESAC_MONGODB_DATABASE": namespace.replace("-", "_"),
        "CULDESAC_NAMESPACE": namespace,
        "CULDESAC_LOG_LEVEL": "WARNING",
    }
    processes = [
        subprocess.Popen(  # noqa: ASYNC220, S603 - our own command, started before timing
            [sys.executable, "-m", "workers", *arguments],
            env=environment,
            stderr=subprocess.DEVNULL,
        )
        for arguments in (
            ["worker", "--all"],
            ["ingress", "--host", "127.0.0.1", "--port", str(port)],
        )
    ]
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            await ready(client)
            ids = await post_all(client, count)
            finished = await wait_finished(client, ids)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
        await delete_namespace(amqp_url, namespace)
    return figures(finished)


async def ready(client: httpx.AsyncClient) -> None:
    async def answer() -> bool:
        try:
            return (await client.get("/readyz")).status_code == httpx.codes.OK
        except httpx.TransportError:
            return False

    async with asyncio.timeout(120):
        while not await answer():  # noqa: ASYNC110 - polling a server, not awaiting our own flag
            await asyncio.sleep(0.2)


async def post_all(client: httpx.AsyncClient, count: int) -> list[str]:
    rng = random.Random(2026)
    limit = asyncio.Semaphore(16)

    async def post(index: int) -> str:
        async with limit:
            response = await client.post(
                "/v1/registrations", json=generated_registration(rng, index)
            )
        response.raise_for_status()
        return str(response.json()["registration_id"])

    return list(await asyncio.gather(*(post(index) for index in range(count))))


async def wait_finished(client: httpx.AsyncClient, ids: list[str]) -> list[dict[str, Any]]:
    finished: dict[str, dict[str, Any]] = {}
    limit = asyncio.Semaphore(16)

    async def look(registration_id: str) -> None:
        async with limit:
            body = (await client.get(f"/v1/registrations/{registration_id}")).json()
        if body.get("status") in ("completed", "failed"):
            finished[registration_id] = body

    async with asyncio.timeout(PATIENCE_SECONDS):
        while len(finished) < len(ids):
            await asyncio.gather(*(look(i) for i in ids if i not in finished))
            await asyncio.sleep(POLL_SECONDS)
    return list(finished.values())


def figures(finished: list[dict[str, Any]]) -> dict[str, Any]:
    """Throughput and latency from the ledger's own timestamps (accepted → last update)."""
    accepted = [datetime.fromisoformat(body["created_at"]) for body in finished]
    done = [datetime.fromisoformat(body["updated_at"]) for body in finished]
    latencies = sorted(
        (end - start).total_seconds() for start, end in zip(accepted, done, strict=True)
    )
    elapsed = (max(done) - min(accepted)).total_seconds()
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "registrations": len(finished),
        "completed": sum(1 for body in finished if body["status"] == "completed"),
        "registrations_per_second": round(len(finished) / elapsed, 1),
        "latency_p50_ms": round(cuts[49] * 1000),
        "latency_p95_ms": round(cuts[94] * 1000),
    }
