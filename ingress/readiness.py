"""The readiness probe: whether the broker and the storage answer, each within a bound."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from brokers.queues import QueueBroker
from brokers.storages import StorageBroker
from ingress.registration_acceptance import Readiness

PROBE_TIMEOUT_SECONDS = 2.0


def readiness_of(
    queue: QueueBroker, storage: StorageBroker, timeout: float = PROBE_TIMEOUT_SECONDS
) -> Readiness:
    async def check() -> dict[str, bool]:
        # The storage's probe is bounded by the driver's own timeout, and is not cancelled from
        # outside: a PyMongo ping cancelled during server selection was seen to raise "Lock is
        # not acquired" from its topology lock, and /readyz then answered 500 for more than
        # 30 s after MongoDB was back.
        broker_answers, storage_answers = await asyncio.gather(
            answers_within(queue.is_healthy(), timeout), storage.is_healthy()
        )
        return {"broker": broker_answers, "storage": storage_answers}

    return check


async def answers_within(probe: Awaitable[bool], seconds: float) -> bool:
    # A probe that hangs (a half-open connection) counts as down rather than hanging /readyz.
    try:
        async with asyncio.timeout(seconds):
            return await probe
    except TimeoutError:
        return False
