"""Worker processes die (SIGKILL) mid-stream and are started again: nothing lost or doubled.

One process per worker. The registration worker is killed while its queue is deep, in the
middle of fanning out registrations. The immunization worker is killed too, and kept down while
a backlog builds up; started again, it is killed once more as it works through that backlog,
holding a full prefetch of deliveries. Whatever a killed worker held unacknowledged comes back
from RabbitMQ to its next incarnation.
"""

from __future__ import annotations

import time

from tests.faults.scenario import FAULT_AFTER, FaultScenario, assert_exact, registration_requests
from tests.faults.stack import eventually

# Immunization events waiting before the immunization worker comes back (about 400 are still
# to come when it is killed, two per registration on average).
BACKLOG = 150


async def test_should_lose_and_duplicate_nothing_when_workers_are_killed_mid_stream(
    scenario: FaultScenario,
) -> None:
    # given
    requests = registration_requests(seed=101)
    culdesac = scenario.culdesac
    await culdesac.start(one_process_per_worker=True)
    started = time.monotonic()
    posting = scenario.post(requests)

    def queued(worker: str) -> int:
        return scenario.in_flight().get(f"{scenario.namespace}.{worker}", 0)

    # when
    await posting.accepted_at_least(FAULT_AFTER)
    queued_at_kill: dict[str, int] = {}

    async def holds(worker: str, count: int) -> bool:
        queued_at_kill[worker] = queued(worker)
        return queued_at_kill[worker] >= count

    await eventually(lambda: holds("registration", 1), 30, "messages for the registration worker")
    culdesac.kill_worker("registration")
    culdesac.kill_worker("immunization")
    await culdesac.start_worker("registration")
    await eventually(
        lambda: holds("immunization", BACKLOG), 60, "a backlog for the immunization worker"
    )
    await culdesac.start_worker("immunization")
    culdesac.kill_worker("immunization")
    await culdesac.start_worker("immunization")
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
