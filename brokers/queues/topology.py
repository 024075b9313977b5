"""Names and shapes of a namespace's queues, shared by every queue broker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Deliveries of one message the worker queue tolerates before dead-lettering it by itself (a
# message that crashes its consumers over and over). RabbitMQ 4.x defaults to 20; 3.x has none.
DELIVERY_LIMIT = 20
# Deliveries a dead letter tolerates: listing the dead letters hands each back once.
DEAD_LETTER_DELIVERY_LIMIT = 1_000_000
# Nodes each queue is replicated on, at most: a majority of three survives one node lost.
QUORUM_GROUP_SIZE = 3


@dataclass(frozen=True, slots=True)
class QueueNames:
    """Every exchange and queue name of one namespace."""

    namespace: str

    @property
    def exchange(self) -> str:
        return f"{self.namespace}.events"

    def worker(self, worker: str) -> str:
        return f"{self.namespace}.{worker}"

    def retry(self, worker: str, delay_seconds: float) -> str:
        return f"{self.namespace}.{worker}.retry.{milliseconds(delay_seconds)}"

    def dead(self, worker: str) -> str:
        return f"{self.namespace}.{worker}.dead"


def milliseconds(seconds: float) -> int:
    return round(seconds * 1000)


def retry_tiers(delays: Sequence[float]) -> tuple[float, ...]:
    """The retry delays as sorted, distinct tiers; refuses an empty or non-positive list."""
    if not delays or any(delay <= 0 for delay in delays):
        raise ValueError(f"retry delays must be positive and at least one, got {delays!r}")
    by_milliseconds = {milliseconds(delay): delay for delay in delays}
    return tuple(by_milliseconds[key] for key in sorted(by_milliseconds))


def retry_tier_for(tiers: Sequence[float], delay_seconds: float) -> float:
    """The smallest tier that waits at least ``delay_seconds``; the largest when none does.

    Tiers, not a per-message expiration: a queue whose messages all share one TTL never holds a
    short delay behind a long one.
    """
    return next((tier for tier in tiers if tier >= delay_seconds), tiers[-1])
