"""The whole flow: ``culdesac worker --all`` and ``culdesac ingress`` as processes, N posts."""

from __future__ import annotations

import asyncio
import os
import random
import subprocess
import sys
import uuid
from typing import Any

import httpx
from rich.console import Console

from tests.backing_services import delete_namespace, free_port
from workers.demo import DemoRun, drive, timings_of


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
        "CULDESAC_METRICS_PORT": "0",
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
    run = DemoRun()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            await ready(client)
            await drive(client, count, random.Random(2026), run, Console(quiet=True))
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
        await delete_namespace(amqp_url, namespace)
    timings = timings_of(run)
    statuses = [finished.status for finished in run.finished.values()]
    return {
        "registrations": len(run.accepted),
        "refused": run.refused,
        "completed": statuses.count("completed"),
        "registrations_per_second": timings.per_second if timings else 0.0,
        "latency_p50_ms": timings.p50_ms if timings else None,
        "latency_p95_ms": timings.p95_ms if timings else None,
    }


async def ready(client: httpx.AsyncClient) -> None:
    async def answer() -> bool:
        try:
            return (await client.get("/readyz")).status_code == httpx.codes.OK
        except httpx.TransportError:
            return False

    async with asyncio.timeout(120):
        while not await answer():  # noqa: ASYNC110 - polling a server, not awaiting our own flag
            await asyncio.sleep(0.2)
