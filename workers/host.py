"""Runs one or more workers in this process until SIGTERM/SIGINT, then drains and exits."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Sequence

from brokers.loggings import configure_logging
from hosting.brokers import Brokers, create_brokers, create_logging_broker, create_metrics_broker
from hosting.settings import Settings
from hosting.startup import connect_brokers
from hosting.topology import worker_topologies
from workers.delivery_policy import DeliveryPolicy
from workers.metrics_endpoint import WorkerReadiness, start_metrics_server
from workers.registry import WORKER_STARTS


def start_workers(names: Sequence[str], brokers: Brokers) -> None:
    for name in names:
        WORKER_STARTS[name](brokers)


async def run_workers(
    names: Sequence[str], settings: Settings, stop: asyncio.Event | None = None
) -> None:
    configure_logging(settings.log_level, settings.log_format)
    stop = stop or install_stop_signals()
    label = "culdesac-worker-" + ("all" if len(names) == len(WORKER_STARTS) else "+".join(names))
    logging = create_logging_broker(label)
    metrics = create_metrics_broker()
    policy = DeliveryPolicy(
        logging, settings.retry_delays, settings.max_service_retries, metrics, settings.namespace
    )
    brokers = create_brokers(settings, policy, label, logging, metrics)
    readiness = WorkerReadiness(brokers.queue)
    # Up from the start: /healthz answers while the process waits for its backing services.
    metrics_server = start_metrics_server(metrics, readiness, settings.metrics_port)
    try:
        await consume_until_stopped(names, settings, brokers, readiness, stop)
    finally:
        if metrics_server is not None:
            metrics_server.stop()


async def consume_until_stopped(
    names: Sequence[str],
    settings: Settings,
    brokers: Brokers,
    readiness: WorkerReadiness,
    stop: asyncio.Event,
) -> None:
    try:
        connected = await connected_unless_stopped(brokers, settings, stop)
    except BaseException:
        await close_brokers(brokers)
        raise
    if not connected:
        await close_brokers(brokers)
        brokers.logging.info("stopped while waiting for backing services", workers=list(names))
        return
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
    await close_brokers(brokers)
    brokers.logging.info("workers stopped", workers=list(names))


async def connected_unless_stopped(
    brokers: Brokers, settings: Settings, stop: asyncio.Event
) -> bool:
    """Connect (waiting as long as the settings say); ``False`` when a stop came first."""
    connecting = asyncio.ensure_future(
        connect_brokers(brokers, worker_topologies(), settings.startup_timeout)
    )
    stopping = asyncio.ensure_future(stop.wait())
    await asyncio.wait({connecting, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if not connecting.done():
        connecting.cancel()
        await asyncio.wait({connecting})
        return False
    connecting.result()
    return True


async def close_brokers(brokers: Brokers) -> None:
    await brokers.queue.close()
    await brokers.storage.close()


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
