"""The demo's run: the whole product in one process, fed N registrations over HTTP, summed up."""

from __future__ import annotations

import asyncio
import random
import secrets
import socket
import statistics
import time
from dataclasses import dataclass, field
from datetime import datetime

import httpx
import uvicorn
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from brokers.loggings import configure_logging
from brokers.storages import COLLECTIONS
from hosting.settings import Settings
from ingress.composition import compose_api_key_processing
from standalone.registrations import generated_registration
from standalone.system import running_system

POLL_SECONDS = 0.05
# Latencies come from the ledger's timestamps, so looking often only adds load.
STATUS_POLL_SECONDS = 0.5
PATIENCE_SECONDS = 300


@dataclass(frozen=True, slots=True)
class Finished:
    """A registration's final status, with the ledger's own accept and last-update times."""

    status: str
    accepted_at: datetime
    finished_at: datetime


@dataclass
class DemoRun:
    accepted: dict[str, float] = field(default_factory=dict)
    finished: dict[str, Finished] = field(default_factory=dict)
    refused: int = 0
    counts: dict[str, int] = field(default_factory=dict)


async def run_demo(settings: Settings, count: int, seed: int, console: Console) -> DemoRun:
    configure_logging("ERROR", settings.log_format)
    run = DemoRun()
    async with running_system(settings, "culdesac-demo") as system:
        # The demo is a client like any other: it makes a key of its own for this run, sends
        # it, and revokes it at the end, so runs against the same store never meet each other's.
        api_keys = compose_api_key_processing(system.brokers)
        created = await api_keys.create_api_key(f"demo-{secrets.token_hex(4)}")
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(system.ingress_app, log_config=None, lifespan="off"))
        serving = asyncio.create_task(server.serve(sockets=[listener]))
        try:
            while not server.started:  # noqa: ASYNC110 - uvicorn offers a flag, not an event
                await asyncio.sleep(POLL_SECONDS)
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{port}",
                headers={"Authorization": f"Bearer {created.token}"},
            ) as client:
                await drive(client, count, random.Random(seed), run, console)  # noqa: S311
            run.counts = {
                name: await system.brokers.storage.count_documents(name) for name in COLLECTIONS
            }
        finally:
            server.should_exit = True
            await serving
            await api_keys.revoke_api_key(created.api_key.name)
    return run


async def drive(
    client: httpx.AsyncClient, count: int, rng: random.Random, run: DemoRun, console: Console
) -> None:
    limit = asyncio.Semaphore(16)

    async def post(index: int) -> None:
        async with limit:
            response = await client.post(
                "/v1/registrations", json=generated_registration(rng, index)
            )
        if response.status_code == httpx.codes.ACCEPTED:
            run.accepted[response.json()["registration_id"]] = time.monotonic()
        else:
            run.refused += 1

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    ) as progress:
        posting = progress.add_task("accepted ", total=count)
        settling = progress.add_task("consistent", total=count)
        posts = [asyncio.create_task(post(index)) for index in range(count)]
        for done in asyncio.as_completed(posts):
            await done
            progress.advance(posting)
        progress.update(settling, total=len(run.accepted))
        deadline = time.monotonic() + PATIENCE_SECONDS

        async def look(registration_id: str) -> None:
            async with limit:
                response = await client.get(f"/v1/registrations/{registration_id}")
            body = response.json() if response.is_success else {}
            if body.get("status") in ("completed", "failed"):
                run.finished[registration_id] = Finished(
                    body["status"],
                    datetime.fromisoformat(body["created_at"]),
                    datetime.fromisoformat(body["updated_at"]),
                )
                progress.advance(settling)

        while len(run.finished) < len(run.accepted) and time.monotonic() < deadline:
            pending = [r for r in run.accepted if r not in run.finished]
            await asyncio.gather(*(look(registration_id) for registration_id in pending))
            await asyncio.sleep(STATUS_POLL_SECONDS)


@dataclass(frozen=True, slots=True)
class Timings:
    """From the ledger's timestamps, not from when anyone looked: accepted → last update."""

    per_second: float
    p50_ms: int
    p95_ms: int
    p99_ms: int


def timings_of(run: DemoRun) -> Timings | None:
    completed = [f for f in run.finished.values() if f.status == "completed"]
    if not completed:
        return None
    latencies = sorted((f.finished_at - f.accepted_at).total_seconds() for f in completed)
    elapsed = (
        max(f.finished_at for f in run.finished.values())
        - min(f.accepted_at for f in run.finished.values())
    ).total_seconds()
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return Timings(
        per_second=round(len(completed) / elapsed, 1) if elapsed > 0 else 0.0,
        p50_ms=round(cuts[49] * 1000),
        p95_ms=round(cuts[94] * 1000),
        p99_ms=round(cuts[98] * 1000),
    )


def print_summary(run: DemoRun, console: Console) -> None:
    statuses = [f.status for f in run.finished.values()]
    table = Table(title="culdesac demo", show_header=False)
    table.add_row("accepted", str(len(run.accepted)))
    table.add_row("refused", str(run.refused))
    table.add_row("completed", str(statuses.count("completed")))
    table.add_row("failed", str(statuses.count("failed")))
    table.add_row("still pending", str(len(run.accepted) - len(run.finished)))
    for name, stored in run.counts.items():
        table.add_row(f"stored {name}", str(stored))
    if timings := timings_of(run):
        if timings.per_second:
            table.add_row("throughput", f"{timings.per_second:.1f} registrations/s")
        table.add_row("accept→completed p50", f"{timings.p50_ms} ms")
        table.add_row("accept→completed p95", f"{timings.p95_ms} ms")
        table.add_row("accept→completed p99", f"{timings.p99_ms} ms")
    console.print(table)
