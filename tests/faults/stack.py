"""The product as an operator runs it, on the fault suite's private services.

``culdesac ingress`` and ``culdesac worker`` run as real subprocesses (one per worker, or all
workers in one), registrations are posted over HTTP the way a client would (retrying a 503),
and what ends up in MongoDB and in the dead-letter queues is read back with plain clients.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.acceptance.processes import CuldesacProcess, create_api_key
from tests.backing_services import free_port

WORKER_NAMES = ("registration", "student", "guardian", "contact", "library-card", "immunization")
POST_CONCURRENCY = 8
# The ingress asks for 5 s; the suite's clients wait at most this long so outages stay short.
MAX_CLIENT_BACKOFF_SECONDS = 1.0
CLIENT_KEEPALIVE_SECONDS = 2.0
START_PATIENCE_SECONDS = 90.0
POLL_SECONDS = 0.1


async def eventually(
    check: Callable[[], Awaitable[bool]],
    within: float,
    what: str,
    seen: Callable[[], str] | None = None,
) -> None:
    """Poll ``check`` until it holds; fail with ``what`` after ``within`` seconds.

    ``seen`` tells what the last check saw, for the failure's message.
    """
    deadline = time.monotonic() + within
    while not await check():
        if time.monotonic() > deadline:
            last = f"; last seen: {seen()}" if seen is not None else ""
            pytest.fail(f"timed out after {within:.0f} s waiting for {what}{last}")
        await asyncio.sleep(POLL_SECONDS)


class Culdesac:
    """The ingress and the workers of one scenario, all in the scenario's namespace."""

    def __init__(self, environment: Mapping[str, str], log_directory: Path) -> None:
        self.environment = dict(environment)
        self.log_directory = log_directory
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.ingress: CuldesacProcess | None = None
        self.workers: dict[str, CuldesacProcess] = {}
        self._stopped: list[CuldesacProcess] = []
        self.headers: dict[str, str] = {}

    async def start(self, *, one_process_per_worker: bool, metrics_port: int = 0) -> None:
        """Start the workers (first: they declare the topology) and the ingress; wait for both.

        The suite's clients authenticate as any would, with a key of their own.
        ``metrics_port`` serves the workers' metrics when they run in one process.
        """
        token = await asyncio.to_thread(create_api_key, self.environment, "fault-suite")
        self.headers = {"Authorization": f"Bearer {token}"}
        names = WORKER_NAMES if one_process_per_worker else ("--all",)
        metrics = {} if one_process_per_worker else {"CULDESAC_METRICS_PORT": str(metrics_port)}
        for name in names:
            self.workers[name] = CuldesacProcess(("worker", name), {**self.environment, **metrics})
        self.ingress = CuldesacProcess(
            ("ingress", "--host", "127.0.0.1", "--port", str(self.port)), self.environment
        )
        await eventually(self._ready, START_PATIENCE_SECONDS, "the ingress and the workers")

    def kill_worker(self, name: str) -> None:
        """SIGKILL one worker process: no draining, its unacked messages go back to RabbitMQ."""
        process = self.workers.pop(name)
        process.kill()
        self._stopped.append(process)

    async def start_worker(self, name: str) -> None:
        """Start a (killed) worker again and wait until it consumes."""
        self.workers[name] = process = CuldesacProcess(("worker", name), self.environment)
        await eventually(
            lambda: self._worker_started(process),
            START_PATIENCE_SECONDS,
            f"worker {name} to start again",
        )

    def assert_running(self) -> None:
        for process in self.processes():
            assert process.is_running(), (
                f"culdesac {' '.join(process.arguments)} exited: {process.output()[-3000:]}"
            )

    def processes(self) -> list[CuldesacProcess]:
        return [*self.workers.values(), *([self.ingress] if self.ingress else [])]

    def output(self) -> str:
        """Everything every process of the scenario logged, killed ones included."""
        return "\n".join(process.output() for process in [*self._stopped, *self.processes()])

    def stop(self) -> None:
        """Kill what still runs and keep each process's log in ``log_directory``."""
        self.log_directory.mkdir(parents=True, exist_ok=True)
        for number, process in enumerate([*self._stopped, *self.processes()], start=1):
            name = "-".join(part.strip("-") for part in process.arguments[:2])
            (self.log_directory / f"{number:02d}-{name}.log").write_text(process.output())
            process.stop()

    async def ready(self) -> bool:
        """Whether ``/readyz`` answers 200 right now."""
        try:
            async with httpx.AsyncClient(base_url=self.base_url, timeout=5) as client:
                return (await client.get("/readyz")).status_code == httpx.codes.OK
        except httpx.TransportError:
            return False

    async def _ready(self) -> bool:
        self.assert_running()
        started = [await self._worker_started(p) for p in self.workers.values()]
        return all(started) and await self.ready()

    @staticmethod
    async def _worker_started(process: CuldesacProcess) -> bool:
        assert process.is_running(), process.output()[-3000:]
        return "workers started" in process.output()


@dataclass
class Posting:
    """What the clients saw: each registration's id once accepted, and every refusal."""

    total: int
    accepted: dict[int, str] = field(default_factory=dict)
    # When (``time.monotonic()``) each registration was accepted, in order.
    accepted_times: list[float] = field(default_factory=list)
    refusals: list[httpx.Response] = field(default_factory=list)
    transport_errors: list[str] = field(default_factory=list)
    task: asyncio.Future[None] | None = None
    stop: Callable[[], None] | None = None
    going: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.going.set()

    @contextmanager
    def held(self) -> Iterator[None]:
        """No new post goes out while the block runs; those already on their way finish."""
        self.going.clear()
        try:
            yield
        finally:
            self.going.set()

    async def accepted_at_least(self, count: int, within: float = 60) -> None:
        async def enough() -> bool:
            if self.task is not None and self.task.done():
                self.task.result()
            return len(self.accepted) >= count

        await eventually(enough, within, f"{count} registrations to be accepted")

    async def finished(self, within: float = 60) -> None:
        """Every request accepted; never an unanswered or dropped request on the way."""
        assert self.task is not None
        await asyncio.wait_for(asyncio.shield(self.task), within)
        assert len(self.accepted) == self.total
        assert self.transport_errors == [], self.transport_errors

    def first_accepted_after(self, moment: float) -> float | None:
        """How long after ``moment`` the first registration was accepted, if one was."""
        later = [accepted - moment for accepted in self.accepted_times if accepted > moment]
        return min(later, default=None)

    async def cancel(self) -> None:
        if self.task is not None and not self.task.done():
            if self.stop is not None:
                self.stop()
            await asyncio.gather(self.task, return_exceptions=True)


def on_a_loop_of_its_own(
    work: Coroutine[Any, Any, None],
) -> tuple[asyncio.Future[None], Callable[[], None]]:
    """Run ``work`` on an event loop of its own, in a thread: its outcome here, and its stop."""
    loop = asyncio.new_event_loop()
    task = loop.create_task(work)

    def stop() -> None:
        loop.call_soon_threadsafe(task.cancel)

    def run() -> None:
        try:
            loop.run_until_complete(task)
        finally:
            loop.close()

    return asyncio.ensure_future(asyncio.to_thread(run)), stop


def start_posting(
    base_url: str,
    requests: Sequence[Mapping[str, Any]],
    key: str,
    headers: Mapping[str, str],
) -> Posting:
    """Post every request (``POST_CONCURRENCY`` at a time) in the background until accepted.

    Each request has its own ``Idempotency-Key``: a post retried after a 503 or a lost answer
    can never make a second registration. The clients run on an event loop of their own, in a
    thread: the scenario's own calls to ``rabbitmqctl`` block its loop for seconds, and a
    client held up that long reads an answer late, reuses its connection as if just used, and
    finds that uvicorn closed it at the end of its keep-alive.
    """
    posting = Posting(total=len(requests))
    pending: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(requests)):
        pending.put_nowait(index)

    async def post_until_accepted(client: httpx.AsyncClient, index: int) -> None:
        headers = {"Idempotency-Key": f"{key}-{index}"}
        while True:
            try:
                response = await client.post(
                    "/v1/registrations", json=requests[index], headers=headers
                )
            except httpx.TransportError as error:
                posting.transport_errors.append(repr(error))
                await asyncio.sleep(MAX_CLIENT_BACKOFF_SECONDS)
                continue
            if response.status_code == httpx.codes.ACCEPTED:
                posting.accepted[index] = response.json()["registration_id"]
                posting.accepted_times.append(time.monotonic())
                return
            assert response.status_code == httpx.codes.SERVICE_UNAVAILABLE, (
                f"registration {index}: {response.status_code} {response.text}"
            )
            posting.refusals.append(response)
            retry_after = float(response.headers.get("Retry-After", MAX_CLIENT_BACKOFF_SECONDS))
            await asyncio.sleep(min(retry_after, MAX_CLIENT_BACKOFF_SECONDS))

    async def client_loop(client: httpx.AsyncClient) -> None:
        while not pending.empty():
            if not posting.going.is_set():
                await asyncio.to_thread(posting.going.wait)
            await post_until_accepted(client, pending.get_nowait())

    async def post_all() -> None:
        # Idle connections are dropped before uvicorn's 5 s keep-alive ends them: with the
        # same expiry on both sides, a post can go out on a connection the server is closing.
        limits = httpx.Limits(keepalive_expiry=CLIENT_KEEPALIVE_SECONDS)
        async with httpx.AsyncClient(
            base_url=base_url, timeout=30, headers=headers, limits=limits
        ) as client:
            await asyncio.gather(*(client_loop(client) for _ in range(POST_CONCURRENCY)))

    posting.task, posting.stop = on_a_loop_of_its_own(post_all())
    return posting
