"""A three-node cluster loses, mid-stream, the node that leads the most worker queues.

The ingress and every worker (one process each) are given the three nodes' URLs and each
connects to one of them. ``culdesac topology declare`` shows each queue's leader and members,
which must match what the cluster says. With registrations in flight the leading node is
SIGKILLed: its quorum queues elect leaders among the two others, the processes that were
connected to it move to another node by themselves and restore their consumers, and publishes
whose confirm was lost with it are published again. The node is started again later and
rejoins. Every accepted registration completes, once.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter

from tests.acceptance.processes import CuldesacProcess
from tests.faults.rabbit_cluster import CLUSTER_SIZE, RabbitCluster
from tests.faults.scenario import (
    FAULT_AFTER,
    FaultScenario,
    assert_exact,
    log_records,
    registration_requests,
)
from tests.faults.stack import WORKER_NAMES, Culdesac, eventually

# The node stays down at least this long (from the kill), then starts again.
OUTAGE_SECONDS = 8.0
RECOVER_PATIENCE_SECONDS = 40.0
REJOIN_PATIENCE_SECONDS = 60.0
DECLARE_PATIENCE_SECONDS = 60.0
PLACEMENT = re.compile(
    r"^(?P<queue>\S+)\s+quorum\s+leader (?P<leader>\S+)\s+members (?P<members>.+)$"
)


def declared_placements(culdesac: Culdesac) -> dict[str, tuple[str, list[str]]]:
    """What ``culdesac topology declare`` reports: each queue's leader and members."""
    declare = CuldesacProcess(("topology", "declare"), culdesac.environment)
    exit_code = declare.process.wait(timeout=DECLARE_PATIENCE_SECONDS)
    output = declare.output()
    declare.stop()
    assert exit_code == 0, output
    placements = {}
    for line in output.splitlines():
        if found := PLACEMENT.match(line.strip()):
            members = [member.strip() for member in found["members"].split(",")]
            placements[found["queue"]] = (found["leader"], members)
    return placements


async def test_should_lose_and_duplicate_nothing_when_the_leading_node_is_killed(
    cluster_scenario: FaultScenario, rabbit_cluster: RabbitCluster
) -> None:
    # given
    scenario = cluster_scenario
    requests = registration_requests(seed=303)
    culdesac = scenario.culdesac
    await culdesac.start(one_process_per_worker=True)
    worker_queues = [f"{scenario.namespace}.{worker}" for worker in WORKER_NAMES]
    reported = declared_placements(culdesac)
    leaders = rabbit_cluster.leaders(f"{scenario.namespace}.")
    assert {queue: reported[queue][0] for queue in leaders} == leaders
    assert all(len(set(members)) == CLUSTER_SIZE for _, members in reported.values())
    victim_name, led = Counter(leaders[queue] for queue in worker_queues).most_common(1)[0]
    victim = rabbit_cluster.node_named(victim_name)
    # Asked before posting: under load one ``rabbitmqctl`` call can take seconds, long enough
    # for every registration to be accepted before the kill.
    on_victim = sorted(
        {
            name.removesuffix(" (admin)")
            for name in rabbit_cluster.connections_by_node()[victim_name]
        }
    )
    started = time.monotonic()
    posting = scenario.post(requests)

    # when
    await posting.accepted_at_least(FAULT_AFTER)
    accepted_at_kill = len(posting.accepted)
    victim.kill()
    killed = time.monotonic()

    last: dict[str, object] = {}

    async def recovered() -> bool:
        culdesac.assert_running()
        consumers, moved = await asyncio.gather(
            asyncio.to_thread(rabbit_cluster.queue_consumers),
            asyncio.to_thread(rabbit_cluster.leaders, f"{scenario.namespace}."),
        )
        without_consumers = [queue for queue in worker_queues if not consumers.get(queue)]
        not_moved = [queue for queue in worker_queues if moved.get(queue) in {None, victim_name}]
        accepted_since_kill = len(posting.accepted) - accepted_at_kill
        last.update(
            without_consumers=without_consumers,
            leaders={queue: moved.get(queue) for queue in worker_queues},
            accepted_since_kill=accepted_since_kill,
        )
        return not without_consumers and not not_moved and accepted_since_kill > 0

    await eventually(
        recovered,
        RECOVER_PATIENCE_SECONDS,
        "the cluster and processes to recover",
        seen=lambda: f"{last} (killed {victim_name}); process logs: {culdesac.log_directory}",
    )
    recovered_after = time.monotonic() - killed
    accepting_again = posting.first_accepted_after(killed)
    assert accepting_again is not None, "recovered() waits for a registration accepted since"

    async def outage_over() -> bool:
        return time.monotonic() - killed >= OUTAGE_SECONDS

    await eventually(outage_over, OUTAGE_SECONDS + 10, "the outage to last")
    victim.start()

    async def rejoined() -> bool:
        return len(rabbit_cluster.running_nodes()) == CLUSTER_SIZE

    await eventually(rejoined, REJOIN_PATIENCE_SECONDS, "the node to rejoin the cluster")
    reckoning = await scenario.reckon(requests, posting)

    # then
    records = log_records(culdesac)
    retried = sum(1 for record in records if record["event"].startswith("publish of message"))
    unsettled = sum(1 for record in records if record["event"].startswith("could not settle"))
    scenario.report(
        reckoning.figures(
            f"f) cluster node leading {led} of {len(worker_queues)} worker queues SIGKILLed",
            time.monotonic() - started,
            recovered_s=round(recovered_after, 1),
            accepting_again_s=round(accepting_again, 1),
            publishes_retried=retried,
            settlements_lost_with_node=unsettled,
            processes_on_node="+".join(on_victim) or "none",
            refused_503=len(posting.refusals),
        )
    )
    assert_exact(reckoning)
    assert reckoning.dead_letters == []
