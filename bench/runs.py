"""What every scenario does around its measurement: processes, namespaces, queues, meters."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aio_pika
from pymongo import AsyncMongoClient

from bench.plain import CONCERN_BINDINGS, queue_name
from bench.processes import CpuMeter, pids_named
from bench.storage_counts import commands_so_far, server_pid
from tests.backing_services import delete_namespace

START_PATIENCE_SECONDS = 60
PLAIN_WORKERS = ("registration", *CONCERN_BINDINGS)


@dataclass(frozen=True, slots=True)
class Broker:
    """The RabbitMQ a run uses: one node or a cluster.

    ``url`` is one node's, for the bench's own clients; ``nodes_url`` every node's
    (comma-separated), for the processes under test; ``pids`` those of the nodes' VMs.
    """

    url: str
    nodes_url: str
    pids: tuple[int, ...]

    @classmethod
    def single(cls, url: str) -> Broker:
        """The machine's one node: its VM is the oldest ``beam.smp`` (there may be none here)."""
        return cls(url, url, tuple(pids_named("beam.smp")[:1]))


@dataclass
class Session:
    """One run's namespace, database and processes under test (each name a group of copies)."""

    broker: Broker
    mongodb_url: str
    namespace: str = field(default_factory=lambda: f"bench-{uuid.uuid4().hex[:8]}")
    processes: dict[str, list[subprocess.Popen[bytes]]] = field(default_factory=dict)
    logs: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="culdesac-bench-")))

    @property
    def amqp_url(self) -> str:
        """The URL of the bench's own AMQP clients (publisher, watcher): one node."""
        return self.broker.url

    @property
    def database_name(self) -> str:
        return self.namespace.replace("-", "_")

    @property
    def exchange_name(self) -> str:
        return f"{self.namespace}.events"

    def environment(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "CULDESAC_AMQP_URL": self.broker.nodes_url,
            "CULDESAC_MONGODB_URL": self.mongodb_url,
            "CULDESAC_MONGODB_DATABASE": self.database_name,
            "CULDESAC_NAMESPACE": self.namespace,
            "CULDESAC_LOG_LEVEL": "WARNING",
            "CULDESAC_METRICS_PORT": "0",
            **extra,
        }

    def start(self, name: str, arguments: Sequence[str], **extra: str) -> None:
        """One more process of the group ``name``; its output goes to a log of its own."""
        copies = self.processes.setdefault(name, [])
        with (self.logs / f"{name}-{len(copies) + 1}.log").open("wb") as log:
            copies.append(
                subprocess.Popen(  # noqa: S603 - our own module, our arguments
                    [sys.executable, "-m", *arguments],
                    env=self.environment(**extra),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )

    def check_running(self) -> None:
        """Exit with the log's last lines when a process under test has ended by itself."""
        for name, copies in self.processes.items():
            for number, process in enumerate(copies, start=1):
                if process.poll() is not None:
                    log = self.logs / f"{name}-{number}.log"
                    tail = log.read_text(errors="replace").strip().splitlines()[-5:]
                    raise SystemExit(
                        f"error: {name} process {number} ended ({process.returncode}): "
                        + " / ".join(tail)
                    )

    def stop(self) -> None:
        every = [process for copies in self.processes.values() for process in copies]
        for process in every:
            process.terminate()
        for process in every:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(self.logs, ignore_errors=True)


async def wait_for_queue(run: Session, name: str) -> None:
    """Until the process under test has declared ``name`` (a plain connection, passive)."""
    connection = await aio_pika.connect(run.amqp_url)
    try:
        deadline = time.monotonic() + START_PATIENCE_SECONDS
        while True:
            channel = await connection.channel()
            try:
                await channel.declare_queue(name, passive=True)
            except aio_pika.exceptions.ChannelClosed:
                run.check_running()
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.2)
            else:
                return
    finally:
        await connection.close()


async def delete_plain_queues(amqp_url: str, namespace: str) -> None:
    """The baselines' queues (the namespace's own are removed by ``delete_namespace``)."""
    connection = await aio_pika.connect(amqp_url)
    try:
        channel = await connection.channel()
        for worker in PLAIN_WORKERS:
            await channel.queue_delete(queue_name(namespace, worker))
    finally:
        await connection.close()


@asynccontextmanager
async def session(broker: Broker, mongodb_url: str) -> AsyncIterator[Session]:
    run = Session(broker, mongodb_url)
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(mongodb_url)
    try:
        yield run
    finally:
        run.stop()
        await delete_plain_queues(broker.url, run.namespace)
        await delete_namespace(broker.url, run.namespace)
        await client.drop_database(run.database_name)
        await client.close()


class Meters:
    """CPU and RSS of the processes under test, SecantusDB and RabbitMQ; storage commands."""

    def __init__(self, run: Session, processes: Sequence[str] | None = None) -> None:
        self.run = run
        self.processes = processes
        self.client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(run.mongodb_url)
        self.cpu = CpuMeter({})
        self._commands_before = 0
        self.commands = 0

    async def start(self) -> None:
        pids = {
            name: [process.pid for process in copies]
            for name, copies in self.run.processes.items()
            if self.processes is None or name in self.processes
        }
        if (pid := await server_pid(self.client)) is not None:
            pids["storage"] = [pid]
        if self.run.broker.pids:
            pids["broker"] = list(self.run.broker.pids)
        pids["bench"] = [os.getpid()]  # the load and the watcher
        self.cpu = CpuMeter(pids)
        self._commands_before = await commands_so_far(self.client)
        self.cpu.start()

    async def stop(self) -> None:
        self.cpu.stop()
        # The two serverStatus calls count themselves once each.
        self.commands = await commands_so_far(self.client) - self._commands_before - 1
        await self.client.close()

    def figures(self, units: int, unit: str) -> dict[str, float | int | None]:
        figures: dict[str, float | int | None] = {
            f"storage commands per {unit}": round(self.commands / units, 2) if units else None,
        }
        for name, seconds in self.cpu.cpu_seconds.items():
            figures[f"CPU ms per {unit}, {name}"] = (
                round(1000 * seconds / units, 2) if units else None
            )
        for name, rss in self.cpu.peak_rss_mb.items():
            figures[f"peak RSS MB, {name}"] = rss
        return figures
