"""What every scenario does around its measurement: processes, namespaces, queues, meters."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import aio_pika
from pymongo import AsyncMongoClient

from bench.plain import CONCERN_BINDINGS, queue_name
from bench.processes import CpuMeter, pids_named
from bench.storage_counts import commands_so_far, server_pid
from tests.backing_services import delete_namespace

START_PATIENCE_SECONDS = 60
PLAIN_WORKERS = ("registration", *CONCERN_BINDINGS)


@dataclass
class Session:
    """One run's namespace, database and processes under test."""

    amqp_url: str
    mongodb_url: str
    namespace: str = field(default_factory=lambda: f"bench-{uuid.uuid4().hex[:8]}")
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def database_name(self) -> str:
        return self.namespace.replace("-", "_")

    @property
    def exchange_name(self) -> str:
        return f"{self.namespace}.events"

    def environment(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "CULDESAC_AMQP_URL": self.amqp_url,
            "CULDESAC_MONGODB_URL": self.mongodb_url,
            "CULDESAC_MONGODB_DATABASE": self.database_name,
            "CULDESAC_NAMESPACE": self.namespace,
            "CULDESAC_LOG_LEVEL": "WARNING",
            "CULDESAC_METRICS_PORT": "0",
            **extra,
        }

    def start(self, name: str, arguments: Sequence[str], **extra: str) -> None:
        self.processes[name] = subprocess.Popen(  # noqa: S603 - our own module, our arguments
            [sys.executable, "-m", *arguments],
            env=self.environment(**extra),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


async def wait_for_queue(amqp_url: str, name: str) -> None:
    """Until the process under test has declared ``name`` (a plain connection, passive)."""
    connection = await aio_pika.connect(amqp_url)
    try:
        deadline = time.monotonic() + START_PATIENCE_SECONDS
        while True:
            channel = await connection.channel()
            try:
                await channel.declare_queue(name, passive=True)
            except aio_pika.exceptions.ChannelClosed:
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
async def session(amqp_url: str, mongodb_url: str) -> AsyncIterator[Session]:
    run = Session(amqp_url, mongodb_url)
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(mongodb_url)
    try:
        yield run
    finally:
        run.stop()
        await delete_plain_queues(amqp_url, run.namespace)
        await delete_namespace(amqp_url, run.namespace)
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
            name: process.pid
            for name, process in self.run.processes.items()
            if self.processes is None or name in self.processes
        }
        if (pid := await server_pid(self.client)) is not None:
            pids["storage"] = pid
        if brokers := pids_named("beam.smp"):
            pids["broker"] = brokers[0]
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
