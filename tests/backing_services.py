"""Finds or starts the real RabbitMQ and MongoDB wire-protocol servers the tests talk to.

RabbitMQ: ``CULDESAC_TEST_AMQP_URL``; else a server answering on 127.0.0.1:5672; else a
testcontainers container when a Docker engine answers. MongoDB: ``CULDESAC_TEST_MONGODB_URL``;
else testcontainers; else SecantusDB in a subprocess. When neither way works the tests skip with
the reason, except under ``CI``, where a missing service fails them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

LOCAL_AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/"
# SecantusDB keeps every retryable write's reply and rescans it: writes get ~15x slower.
SECANTUS_URL_OPTIONS = "directConnection=true&retryWrites=false"


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: a missing service is a failure, not a skip)")
    pytest.skip(reason)


def port_answers(host: str, port: int, timeout: float = 1.0) -> bool:
    with suppress(OSError), socket.create_connection((host, port), timeout=timeout):
        return True
    return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def docker_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    with suppress(OSError, subprocess.SubprocessError):
        result = subprocess.run(
            ["docker", "info", "--format", "{{.ServerVersion}}"],  # noqa: S607
            capture_output=True,
            timeout=5,
            check=False,
        )
        return result.returncode == 0
    return False


@contextmanager
def rabbitmq_url() -> Iterator[str]:
    if url := os.environ.get("CULDESAC_TEST_AMQP_URL"):
        yield url
    elif port_answers("127.0.0.1", 5672):
        yield LOCAL_AMQP_URL
    elif docker_answers():
        from testcontainers.rabbitmq import RabbitMqContainer

        with RabbitMqContainer("rabbitmq:4-management") as container:
            host = container.get_container_host_ip()
            port = container.get_exposed_port(5672)
            yield f"amqp://guest:guest@{host}:{port}/"
    else:
        unavailable(
            "no RabbitMQ: set CULDESAC_TEST_AMQP_URL, start one on 127.0.0.1:5672 "
            "(rabbitmq-server -detached) or run a Docker engine"
        )


@contextmanager
def mongodb_url() -> Iterator[str]:
    if url := os.environ.get("CULDESAC_TEST_MONGODB_URL"):
        yield url
    elif docker_answers():
        from testcontainers.mongodb import MongoDbContainer

        with MongoDbContainer("mongo:8") as container:
            yield container.get_connection_url()
    else:
        # The session's data goes with its scratch directory: no graceful stop needed.
        with secantus_server(graceful_stop=False) as url:
            yield url


def secantus_executable() -> Path | None:
    candidate = Path(sys.executable).with_name("secantusd-py")
    if candidate.exists():
        return candidate
    found = shutil.which("secantusd-py")
    return Path(found) if found else None


class SecantusServer:
    """SecantusDB in a subprocess on a loopback port, over a storage path of its own."""

    def __init__(self, storage_path: Path, port: int, log: Path) -> None:
        self.url = f"mongodb://127.0.0.1:{port}/?{SECANTUS_URL_OPTIONS}"
        self._storage_path = storage_path
        self._port = port
        self._log = log
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the server and wait until it takes connections (skip or fail if it cannot)."""
        executable = secantus_executable()
        if executable is None:
            unavailable("no MongoDB: SecantusDB (dev dependency) is not installed and no Docker")
            return
        with self._log.open("ab") as log_file:
            process = self._process = subprocess.Popen(  # noqa: S603
                [
                    str(executable),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self._port),
                    "--storage-path",
                    str(self._storage_path),
                    "--log-level",
                    "WARNING",
                ],
                stdout=log_file,
                stderr=subprocess.STDOUT,
                cwd=self._log.parent,
            )
        deadline = time.monotonic() + 30
        while not port_answers("127.0.0.1", self._port, timeout=0.2):
            if process.poll() is not None or time.monotonic() > deadline:
                self.stop(graceful=False)
                output = self._log.read_text(errors="replace")[-2000:]
                unavailable(f"SecantusDB did not start on port {self._port}: {output}")
            time.sleep(0.05)

    def stop(self, *, graceful: bool = True) -> None:
        """End the server: SIGTERM and wait (it closes its storage), or at once with SIGKILL.

        A graceful stop takes about 2 s (its accept thread is joined with a timeout); killing
        is for a server whose data is thrown away right after.
        """
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        if graceful:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            else:
                return
        process.kill()
        process.wait()


@contextmanager
def secantus_server(
    storage_path: Path | None = None, port: int | None = None, *, graceful_stop: bool = True
) -> Iterator[str]:
    """SecantusDB in a subprocess on a free loopback port; stopped and removed afterwards.

    ``graceful_stop=False`` kills it at the end, for data that is thrown away anyway.
    """
    with tempfile.TemporaryDirectory(prefix="culdesac-secantus-") as scratch:
        server = SecantusServer(
            storage_path or Path(scratch) / "data",
            port or free_port(),
            Path(scratch) / "secantus.log",
        )
        try:
            server.start()
            yield server.url
        finally:
            server.stop(graceful=graceful_stop)


async def delete_namespace(
    amqp_url: str, namespace: str, retry_delays: tuple[float, ...] = (0.2, 0.5, 1.0, 5.0, 30.0)
) -> None:
    """Remove every queue and the exchange a run declared under ``namespace``."""
    import aio_pika

    from contracts.workers import WORKER_NAMES

    connection = await aio_pika.connect(amqp_url)
    try:
        channel = await connection.channel()
        for worker in WORKER_NAMES:
            names = [f"{namespace}.{worker}", f"{namespace}.{worker}.dead"]
            names += [f"{namespace}.{worker}.retry.{round(d * 1000)}" for d in retry_delays]
            for name in names:
                await channel.queue_delete(name)
        await channel.exchange_delete(f"{namespace}.events")
    finally:
        await connection.close()
