"""The RabbitMQ topology of the product's workers, from the one list of workers."""

from __future__ import annotations

from collections.abc import Iterable

from brokers.queues import WorkerTopology
from contracts.workers import WORKER_BINDINGS, WORKER_NAMES


def worker_topologies(names: Iterable[str] = WORKER_NAMES) -> list[WorkerTopology]:
    """Each named worker's queue and the event types bound to it."""
    return [WorkerTopology(name, WORKER_BINDINGS[name]) for name in names]
