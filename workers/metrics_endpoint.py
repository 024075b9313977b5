"""The worker process's metrics endpoint, and what makes it say ready."""

from __future__ import annotations

import asyncio
from contextlib import suppress

from brokers.metrics import MetricsServer, PrometheusMetricsBroker
from brokers.queues import QueueBroker

# Every interface: Prometheus and the orchestrator's probes come from outside the container.
METRICS_HOST = "0.0.0.0"  # noqa: S104
READINESS_PERIOD_SECONDS = 1.0


class WorkerReadiness:
    """Ready once every queue has its consumer, for as long as the broker answers.

    The server's thread only reads the flag; the process's loop keeps it current.
    """

    def __init__(self, queue: QueueBroker) -> None:
        self._queue = queue
        self._consuming = False
        self._ready = False
        self._watch: asyncio.Task[None] | None = None

    def __call__(self) -> bool:
        return self._ready

    async def consuming_started(self) -> None:
        self._consuming = True
        await self.refresh()
        self._watch = asyncio.create_task(self._keep_current())

    async def consuming_stopped(self) -> None:
        self._consuming = False
        self._ready = False
        if self._watch is not None:
            self._watch.cancel()
            with suppress(asyncio.CancelledError):
                await self._watch

    async def refresh(self) -> None:
        self._ready = self._consuming and await self._queue.is_healthy()

    async def _keep_current(self) -> None:
        while True:
            await asyncio.sleep(READINESS_PERIOD_SECONDS)
            await self.refresh()


def start_metrics_server(
    metrics: PrometheusMetricsBroker, readiness: WorkerReadiness, port: int
) -> MetricsServer | None:
    """Serve ``/metrics``, ``/healthz`` and ``/readyz`` on ``port``; none when it is 0."""
    if port == 0:
        return None
    server = MetricsServer(metrics, readiness)
    server.start(METRICS_HOST, port)
    return server
