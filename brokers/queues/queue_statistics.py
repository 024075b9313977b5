"""What an operator sees of each queue: depth, consumers and, where the server tells, rates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class QueueStatistics:
    """One queue now. Rates are messages per second, ``None`` when the source cannot tell."""

    depth: int
    consumers: int
    in_per_second: float | None = None
    out_per_second: float | None = None


class QueueStatisticsBroker(Protocol):
    """Reads queues' statistics from the server, without taking or changing any message."""

    @property
    def source(self) -> str:
        """Where the figures come from (``management`` or ``amqp``)."""
        ...

    async def connect(self) -> None:
        """Reach the server; raises ``QueueUnavailableError`` when it does not answer."""

    async def close(self) -> None: ...

    async def read_queues(self, names: Sequence[str]) -> Mapping[str, QueueStatistics]:
        """The statistics of each named queue that exists; absent ones are left out."""
        ...
