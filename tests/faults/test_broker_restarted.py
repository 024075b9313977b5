"""The RabbitMQ node stops and starts again mid-stream, on the same data.

While it is away the ingress is not ready and refuses posts with 503 and ``Retry-After``, which
clients retry; once it is back the workers' consumers return by themselves, and nothing that
was in flight is lost.
"""

from __future__ import annotations

import time

import httpx

from tests.faults.scenario import (
    FAULT_AFTER,
    FaultScenario,
    assert_exact,
    log_records,
    registration_requests,
)
from tests.faults.stack import eventually

OUTAGE_SECONDS = 5.0
CONSUMERS_BACK_WITHIN_SECONDS = 15.0


async def test_should_lose_and_duplicate_nothing_when_the_broker_restarts_mid_stream(
    scenario: FaultScenario,
) -> None:
    # given
    requests = registration_requests(seed=202)
    culdesac = scenario.culdesac
    await culdesac.start(one_process_per_worker=False)
    started = time.monotonic()
    posting = scenario.post(requests)

    # when
    await posting.accepted_at_least(FAULT_AFTER)
    # A graceful stop takes seconds; posts held meanwhile still find it stopped.
    with posting.held():
        scenario.rabbit_node.stop()
    stopped = time.monotonic()
    refusals_before = len(posting.refusals)

    async def outage_over() -> bool:
        assert not await culdesac.ready(), "/readyz answered 200 while RabbitMQ was stopped"
        return time.monotonic() - stopped >= OUTAGE_SECONDS

    await eventually(outage_over, OUTAGE_SECONDS + 10, "the outage to last")
    refused_during_outage = len(posting.refusals) - refusals_before
    scenario.rabbit_node.start()
    restarted = time.monotonic()

    async def consumers_back() -> bool:
        return not scenario.workers_without_consumers()

    await eventually(
        consumers_back, CONSUMERS_BACK_WITHIN_SECONDS, "every worker queue to have a consumer"
    )
    consumers_back_after = time.monotonic() - restarted
    await eventually(culdesac.ready, 30, "/readyz to answer 200 again")
    reckoning = await scenario.reckon(requests, posting)

    # then
    unsettled = sum(
        1 for record in log_records(culdesac) if record["event"].startswith("could not settle")
    )
    scenario.report(
        reckoning.figures(
            f"b) RabbitMQ node stopped {OUTAGE_SECONDS:.0f} s and started",
            time.monotonic() - started,
            refused_503=len(posting.refusals),
            settlements_lost_with_channel=unsettled,
            consumers_back_s=round(consumers_back_after, 1),
        )
    )
    assert_exact(reckoning)
    assert reckoning.dead_letters == []
    assert refused_during_outage > 0, "no post was refused while RabbitMQ was stopped"
    assert all(
        refusal.status_code == httpx.codes.SERVICE_UNAVAILABLE
        and int(refusal.headers["Retry-After"]) > 0
        for refusal in posting.refusals
    )
