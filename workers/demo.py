"""``culdesac demo``: the ingress and every worker in one process, fed N registrations over HTTP."""

from __future__ import annotations

import asyncio
import random
import socket
import statistics
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import uvicorn
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from brokers.loggings import configure_logging
from brokers.storages import COLLECTIONS
from ingress.composition import compose_api_key_processing, compose_ingress_app
from workers.brokers import create_brokers, create_logging_broker, create_metrics_broker
from workers.delivery_policy import DeliveryPolicy
from workers.host import start_workers
from workers.registry import WORKERS, topology_of
from workers.settings import Settings
from workers.startup import connect_brokers

FIRST_NAMES = ("Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret")
LAST_NAMES = ("Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson")
VACCINES = ("MMR", "DTaP", "Polio", "Hepatitis B", "Varicella")
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


def generated_registration(rng: random.Random, index: int) -> dict[str, Any]:
    today = datetime.now(UTC).date()
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    return {
        "student": {
            "first_name": first,
            "last_name": last,
            "date_of_birth": (today - timedelta(days=rng.randint(5 * 365, 17 * 365))).isoformat(),
            "email": f"{first}.{last}.{index}.{rng.getrandbits(32):08x}@example.com".lower(),
        },
        "guardians": [
            {
                "first_name": rng.choice(FIRST_NAMES),
                "last_name": last,
                "relationship": rng.choice(("mother", "father", "guardian", "other")),
                "phone": f"+4420{rng.randint(70000000, 79999999)}",
            }
            for _ in range(rng.randint(0, 3))
        ],
        "contact": {
            "address_line1": f"{rng.randint(1, 200)} High Street",
            "city": "London",
            "postal_code": "SW1A 1AA",
            "country": "GB",
        },
        "library_card": rng.random() < 0.5,  # noqa: PLR2004 - half of the students ask for one
        "immunizations": [
            {
                "vaccine": rng.choice(VACCINES),
                "dose_number": dose,
                "administered_on": (today - timedelta(days=rng.randint(30, 1500))).isoformat(),
            }
            for dose in range(1, rng.randint(0, 4) + 1)
        ],
    }


async def run_demo(settings: Settings, count: int, seed: int, console: Console) -> DemoRun:
    configure_logging("ERROR", settings.log_format)
    logging = create_logging_broker("culdesac-demo")
    metrics = create_metrics_broker()
    policy = DeliveryPolicy(
        logging, settings.retry_delays, settings.max_service_retries, metrics, settings.namespace
    )
    brokers = create_brokers(settings, policy, "culdesac-demo", logging, metrics)
    await connect_brokers(brokers, topology_of(WORKERS))
    start_workers(list(WORKERS), brokers)
    await brokers.queue.start_consuming()
    # The demo is a client like any other: it makes its own key and sends it.
    created = await compose_api_key_processing(brokers).create_api_key("demo")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(compose_ingress_app(brokers, settings), log_config=None, lifespan="off")
    )
    serving = asyncio.create_task(server.serve(sockets=[listener]))
    run = DemoRun()
    try:
        while not server.started:  # noqa: ASYNC110 - uvicorn offers a flag, not an event
            await asyncio.sleep(POLL_SECONDS)
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}",
            headers={"Authorization": f"Bearer {created.token}"},
        ) as client:
            await drive(client, count, random.Random(seed), run, console)  # noqa: S311
        run.counts = {name: await brokers.storage.count_documents(name) for name in COLLECTIONS}
    finally:
        server.should_exit = True
        await serving
        await brokers.queue.stop_consuming()
        await brokers.queue.close()
        await brokers.storage.close()
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
