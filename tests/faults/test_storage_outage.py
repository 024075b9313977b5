"""The MongoDB wire-protocol server is away for 10 s mid-stream, then back on its data.

The workers' messages wait in the retry queues, retried with growing delays (a dependency error
is retried for as long as it takes), and every registration completes.
"""

from __future__ import annotations

import time
from collections import defaultdict

from tests.faults.mongo_server import MongoWireServer
from tests.faults.scenario import (
    FAULT_AFTER,
    RETRY_DELAY_TIERS,
    FaultScenario,
    assert_exact,
    errors_logged,
    log_records,
    registration_requests,
)
from tests.faults.stack import eventually

OUTAGE_SECONDS = 10.0


async def test_should_lose_and_duplicate_nothing_when_the_storage_is_away_mid_stream(
    scenario: FaultScenario, mongo_server: MongoWireServer
) -> None:
    # given
    requests = registration_requests(seed=303)
    culdesac = scenario.culdesac
    await culdesac.start(one_process_per_worker=False)
    started = time.monotonic()
    posting = scenario.post(requests)

    # when
    await posting.accepted_at_least(FAULT_AFTER)
    mongo_server.stop()
    stopped = time.monotonic()

    async def outage_over() -> bool:
        assert not await culdesac.ready(), "/readyz answered 200 while MongoDB was stopped"
        return time.monotonic() - stopped >= OUTAGE_SECONDS

    await eventually(outage_over, OUTAGE_SECONDS + 10, "the outage to last")
    mongo_server.start()
    await eventually(culdesac.ready, 30, "/readyz to answer 200 again")
    reckoning = await scenario.reckon(requests, posting)

    # then: each retry waited the tier of its attempt, longer as the attempts went on
    retries = [
        record for record in log_records(culdesac) if record["event"] == "message retried later"
    ]
    delays_by_attempt: defaultdict[int, set[float]] = defaultdict(set)
    for record in retries:
        delays_by_attempt[record["attempt"]].add(record["retry_in_s"])
    scenario.report(
        reckoning.figures(
            f"c) MongoDB server away {OUTAGE_SECONDS:.0f} s",
            time.monotonic() - started,
            retries=len(retries),
            max_attempt=max(delays_by_attempt, default=0) + 1,
            refused_503=len(posting.refusals),
        )
    )
    assert_exact(reckoning)
    assert reckoning.dead_letters == []
    # A service away is a warning per retried message, never an error or a line per layer.
    assert errors_logged(culdesac) == ""
    assert max(delays_by_attempt, default=0) >= 2, "no message was retried more than once"
    assert dict(delays_by_attempt) == {
        attempt: {RETRY_DELAY_TIERS[min(attempt, len(RETRY_DELAY_TIERS)) - 1]}
        for attempt in delays_by_attempt
    }
