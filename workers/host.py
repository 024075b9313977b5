"""Runs one or more workers in this process until SIGTERM/SIGINT, then drains and exits."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Sequence

from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_delay, wait_exponential

from brokers.loggings import configure_logging
from brokers.queues import QueueUnavailableError, WorkerTopology
from workers.brokers import Brokers, create_brokers, create_logging_broker, create_metrics_broker
from workers.delivery_policy import DeliveryPolicy
from workers.metrics_endpoint import WorkerReadiness, start_metrics_server
from workers.registry import WORKERS, topology_of
from workers.settings import Settings

STARTUP_PATIENCE_SECONDS = 120


async def connect_brokers(brokers: Brokers, topology: Sequence[WorkerTopology]) -> None:
    """Connect, waiting (with growing pauses) for services that are still starting."""
    async for attempt in AsyncRetrying(
        retry=retry_if_exception_type((QueueUnavailableError, OSError, ConnectionError)),
        wait=wait_exponential(multiplier=0.5, max=5),
        stop=stop_after_delay(STARTUP_PATIENCE_SECONDS),
        reraise=True,
        before_sleep=lambda state: brokers.logging.warning(
            "waiting for backing services",
            attempt=state.attempt_number,
            error=str(state.outcome.exception()) if state.outcome else None,
        ),
    ):
        with attempt:
            await brokers.queue.connect()
            await brokers.storage.initialize()
    await brokers.queue.declare_topology(topology)


def start_workers(names: Sequence[str], brokers: Brokers) -> None:
    for name in names:
        WORKERS[name].start(brokers)


async def run_workers(
    names: Sequence[str], settings: Settings, stop: asyncio.Event | None = None
) -> None:
    configure_logging(settings.log_level, settings.log_format)
    stop = stop or install_stop_signals()
    label = "culdesac-worker-" + ("all" if len(names) == len(WORKERS) else "+".join(names))
    logging = create_logging_broker(label)
    metrics = create_metrics_broker()
    policy = DeliveryPolicy(
        logging, settings.retry_delays, settings.max_service_retries, metrics, settings.namespace
    )
    brokers = create_brokers(settings, policy, label, logging, metrics)
    readiness = WorkerReadiness(brokers.queue)
    metrics_server = start_metrics_server(metrics, readiness, settings.metrics_port)
    await connect_brokers(brokers, topology_of(WORKERS))
    start_workers(names, brokers)
    await brokers.queue.start_consuming()
    await readiness.consuming_started()
    brokers.logging.info("workers started", workers=list(names), prefetch=settings.prefetch)
    await stop.wait()
    brokers.logging.info("stopping: finishing messages in flight", workers=list(names))
    await readiness.consuming_stopped()
    try:
        await asyncio.wait_for(brokers.queue.stop_consuming(), settings.shutdown_timeout)
    except TimeoutError:
        # The timeout's traceback says nothing more than this line.
        brokers.logging.error("in-flight messages did not finish in time; they will come back")  # noqa: TRY400
    await brokers.queue.close()
    await brokers.storage.close()
    if metrics_server is not None:
        metrics_server.stop()
    brokers.logging.info("workers stopped", workers=list(names))


def install_stop_signals() -> asyncio.Event:
    """First SIGTERM/SIGINT asks for a graceful stop; a second one exits at once."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    def on_signal() -> None:
        if stop.is_set():
            os._exit(1)
        stop.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, on_signal)
    return stop
