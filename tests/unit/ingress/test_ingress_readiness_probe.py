"""The readiness probe bounds the broker's answer and leaves the storage's to its driver."""

from __future__ import annotations

import asyncio
from unittest.mock import MagicMock

from ingress.readiness import readiness_of

PROBE_SECONDS = 0.01


def answering_after(seconds: float) -> MagicMock:
    async def is_healthy() -> bool:
        await asyncio.sleep(seconds)
        return True

    return MagicMock(is_healthy=is_healthy)


async def test_should_count_a_broker_that_does_not_answer_in_time_as_down() -> None:
    # given
    check = readiness_of(answering_after(1.0), answering_after(0), timeout=PROBE_SECONDS)

    # when
    checks = await check()

    # then
    assert checks == {"broker": False, "storage": True}


async def test_should_let_the_storage_probe_finish_within_its_drivers_own_bound() -> None:
    # given: the storage answers after the broker's bound, within its own
    check = readiness_of(answering_after(0), answering_after(0.05), timeout=PROBE_SECONDS)

    # when
    checks = await check()

    # then
    assert checks == {"broker": True, "storage": True}
