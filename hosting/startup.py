"""Connecting at start: wait for RabbitMQ and MongoDB, with growing pauses, one line per try."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_delay,
    stop_never,
    wait_exponential,
)

from brokers.loggings import LoggingBroker
from brokers.queues import QueueUnavailableError, WorkerTopology
from brokers.storages import StorageUnavailableError, short_message
from hosting.brokers import Brokers

FIRST_PAUSE_SECONDS = 0.5
LONGEST_PAUSE_SECONDS = 15.0
QUEUE_UNAVAILABLE = (QueueUnavailableError, OSError, ConnectionError)
STORAGE_UNAVAILABLE = (StorageUnavailableError,)


async def connect_brokers(
    brokers: Brokers, topology: Sequence[WorkerTopology], patience: float | None = None
) -> None:
    """Connect to RabbitMQ (declaring the topology), then MongoDB, waiting for each.

    Waits for ever when ``patience`` is ``None``; otherwise the last error is raised once
    ``patience`` seconds have passed in all.
    """
    deadline = None if patience is None else time.monotonic() + patience

    async def connect_queue() -> None:
        await brokers.queue.connect()
        await brokers.queue.declare_topology(topology)

    await wait_for("RabbitMQ", connect_queue, QUEUE_UNAVAILABLE, brokers.logging, deadline)
    await wait_for(
        "MongoDB", brokers.storage.initialize, STORAGE_UNAVAILABLE, brokers.logging, deadline
    )


async def wait_for(
    service: str,
    connect: Callable[[], Awaitable[None]],
    unavailable: tuple[type[BaseException], ...],
    logging: LoggingBroker,
    deadline: float | None,
) -> None:
    """Call ``connect`` until it stops raising ``unavailable`` errors or ``deadline`` passes."""

    def log_next_try(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        pause = state.next_action.sleep if state.next_action else 0.0
        line = f"waiting for {service}: not answering, next try in {pause:.1f}s"
        logging.warning(
            line,
            service=service,
            attempt=state.attempt_number,
            retry_in_s=round(pause, 1),
            error=short_message(error) if error else None,
        )

    stop = stop_never if deadline is None else stop_after_delay(deadline - time.monotonic())
    async for attempt in AsyncRetrying(
        retry=retry_if_exception_type(unavailable),
        wait=wait_exponential(multiplier=FIRST_PAUSE_SECONDS, max=LONGEST_PAUSE_SECONDS),
        stop=stop,
        reraise=True,
        before_sleep=log_next_try,
        sleep=asyncio.sleep,
    ):
        with attempt:
            await connect()
