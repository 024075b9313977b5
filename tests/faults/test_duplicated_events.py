"""Every concern event is published twice: each entity is still stored once, all complete.

The copies have the same id and body and come moments after the originals, as from a publisher
that lost its confirms and published again. A plain AMQP client plays that publisher: its own
queue is bound to the five concern types, and it republishes each event it receives, marked
with a header so that it leaves its own copies alone. The copies race the originals through
the workers' queues, often within the same prefetch window.
"""

from __future__ import annotations

import time

import httpx
from prometheus_client.parser import text_string_to_metric_families

from contracts.events.event_types import (
    CONTACT_REGISTERED,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    STUDENT_REGISTERED,
)
from tests.backing_services import free_port
from tests.faults.amqp_clients import duplicating
from tests.faults.reconciliation import expected_per_student
from tests.faults.scenario import FaultScenario, assert_exact, registration_requests
from tests.faults.stack import eventually

CONCERN_TYPES = (
    STUDENT_REGISTERED,
    GUARDIAN_REGISTERED,
    CONTACT_REGISTERED,
    LIBRARY_CARD_REQUESTED,
    IMMUNIZATION_RECORDED,
)


async def test_should_store_each_entity_once_when_every_concern_event_comes_twice(
    scenario: FaultScenario,
) -> None:
    # given
    requests = registration_requests(seed=404)
    concern_events = sum(1 + sum(expected_per_student(request).values()) for request in requests)
    metrics_port = free_port()
    await scenario.culdesac.start(one_process_per_worker=False, metrics_port=metrics_port)
    started = time.monotonic()

    # when
    async with duplicating(
        scenario.rabbit_node.url, scenario.namespace, CONCERN_TYPES
    ) as duplicator:
        posting = scenario.post(requests)
        reckoning = await scenario.reckon(requests, posting)

    # then
    scenario.report(
        reckoning.figures(
            "d) every concern event published twice",
            time.monotonic() - started,
            duplicated=len(duplicator.duplicated),
        )
    )
    assert duplicator.errors == []
    assert len(duplicator.duplicated) == concern_events
    assert_exact(reckoning)
    assert reckoning.dead_letters == []
    # every outcome came twice, yet each registration completed, and was timed, once
    settled = await settled_counts(f"http://127.0.0.1:{metrics_port}/metrics")
    assert settled == {"completed": len(requests), "failed": 0, "timed": len(requests)}


async def settled_counts(url: str) -> dict[str, float]:
    """What the registration worker counted, once the last outcomes have settled."""
    counts: dict[str, float] = {}

    async def read() -> dict[str, float]:
        async with httpx.AsyncClient(timeout=10) as client:
            text = (await client.get(url)).text
        samples = {
            (sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text)
            for sample in family.samples
        }
        return {
            status: samples.get(("culdesac_registrations_total", (("status", status),)), 0.0)
            for status in ("completed", "failed")
        } | {"timed": samples.get(("culdesac_registration_completion_seconds_count", ()), 0.0)}

    async def steady() -> bool:
        # The ledger reads completed a moment before the worker counts it: wait for two
        # equal readings in a row.
        nonlocal counts
        previous, counts = counts, await read()
        return previous == counts and counts["completed"] > 0

    await eventually(steady, within=30, what="the registration worker's counts to settle")
    return counts
