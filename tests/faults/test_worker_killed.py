"""Worker processes die (SIGKILL) mid-stream and are started again: nothing lost or doubled.

One process per worker. The registration worker is killed first, in the middle of fanning out
registrations; later a concern worker is, in the middle of its writes. Whatever they held
unacknowledged comes back from RabbitMQ to their new incarnations.
"""

from __future__ import annotations

import time

from tests.faults.scenario import (
    FAULT_AFTER,
    REGISTRATIONS,
    FaultScenario,
    assert_exact,
    registration_requests,
)
from tests.faults.stack import eventually

KILLED = (("registration", FAULT_AFTER), ("immunization", 2 * REGISTRATIONS // 3))


async def test_should_lose_and_duplicate_nothing_when_workers_are_killed_mid_stream(
    scenario: FaultScenario,
) -> None:
    # given
    requests = registration_requests(seed=101)
    await scenario.culdesac.start(one_process_per_worker=True)
    started = time.monotonic()
    posting = scenario.post(requests)

    # when: each is killed while its queue holds messages, some of them delivered to it
    queued_at_kill: dict[str, int] = {}
    for worker, accepted in KILLED:
        await posting.accepted_at_least(accepted)

        async def busy(worker: str = worker) -> bool:
            queued_at_kill[worker] = scenario.in_flight().get(f"{scenario.namespace}.{worker}", 0)
            return queued_at_kill[worker] > 0

        await eventually(busy, 30, f"messages in the {worker} queue")
        await scenario.culdesac.kill_worker(worker)
    reckoning = await scenario.reckon(requests, posting)

    # then
    scenario.report(
        reckoning.figures(
            "a) worker processes SIGKILLed mid-stream and restarted",
            time.monotonic() - started,
            **{f"queued_at_kill_{worker}": count for worker, count in queued_at_kill.items()},
        )
    )
    assert_exact(reckoning)
    assert reckoning.dead_letters == []
