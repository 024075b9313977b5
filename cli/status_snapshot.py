"""What ``culdesac status`` shows: each worker's queues and the registrations still pending."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter

from brokers.queues.queue_statistics import QueueStatistics, QueueStatisticsBroker
from brokers.queues.topology import QueueNames
from brokers.storages import StorageBroker

_TIMESTAMP = TypeAdapter(datetime)


@dataclass(frozen=True, slots=True)
class WorkerStatus:
    """One worker's queue; the figures are ``None`` while its queue is not declared."""

    worker: str
    queue: str
    depth: int | None
    consumers: int | None
    in_per_second: float | None
    out_per_second: float | None
    retries_waiting: int | None
    dead_letters: int | None


@dataclass(frozen=True, slots=True)
class StatusSnapshot:
    taken_at: datetime
    source: str
    workers: Sequence[WorkerStatus]
    pending_registrations: int
    oldest_pending_age_seconds: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "taken_at": self.taken_at.isoformat(),
            "source": self.source,
            "workers": [asdict(worker) for worker in self.workers],
            "registrations": {
                "pending": self.pending_registrations,
                "oldest_pending_age_seconds": self.oldest_pending_age_seconds,
            },
        }


async def read_status(
    statistics: QueueStatisticsBroker,
    storage: StorageBroker,
    names: QueueNames,
    retry_tiers: Sequence[float],
    workers: Sequence[str],
    *,
    now: datetime,
) -> StatusSnapshot:
    """Every worker's queues and the ledger's pending registrations, read once."""
    wanted = [
        name
        for worker in workers
        for name in (
            names.worker(worker),
            names.dead(worker),
            *(names.retry(worker, tier) for tier in retry_tiers),
        )
    ]
    queues = await statistics.read_queues(wanted)
    pending = await storage.count_unsettled_registrations()
    oldest = await storage.select_oldest_unsettled_registration() if pending else None
    return StatusSnapshot(
        taken_at=now,
        source=statistics.source,
        workers=[worker_status(queues, names, retry_tiers, worker) for worker in workers],
        pending_registrations=pending,
        oldest_pending_age_seconds=None if oldest is None else age_seconds(oldest, now),
    )


def worker_status(
    queues: Mapping[str, QueueStatistics],
    names: QueueNames,
    retry_tiers: Sequence[float],
    worker: str,
) -> WorkerStatus:
    main = queues.get(names.worker(worker))
    dead = queues.get(names.dead(worker))
    retries = [queues.get(names.retry(worker, tier)) for tier in retry_tiers]
    return WorkerStatus(
        worker=worker,
        queue=names.worker(worker),
        depth=None if main is None else main.depth,
        consumers=None if main is None else main.consumers,
        in_per_second=None if main is None else main.in_per_second,
        out_per_second=None if main is None else main.out_per_second,
        retries_waiting=(
            None if main is None else sum(retry.depth for retry in retries if retry is not None)
        ),
        dead_letters=None if dead is None else dead.depth,
    )


def age_seconds(registration: Mapping[str, Any], now: datetime) -> float | None:
    created_at = registration.get("created_at")
    if created_at is None:
        return None
    return max((now - _TIMESTAMP.validate_python(created_at)).total_seconds(), 0.0)
