"""Every concern event is published twice: each entity is still stored once, all complete.

The copies have the same id and body and come moments after the originals, as from a publisher
that lost its confirms and published again. A plain AMQP client plays that publisher: its own
queue is bound to the five concern types, and it republishes each event it receives, marked
with a header so that it leaves its own copies alone. The copies race the originals through
the workers' queues, often within the same prefetch window.
"""

from __future__ import annotations

import time

from contracts.events.event_types import (
    CONTACT_REGISTERED,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    STUDENT_REGISTERED,
)
from tests.faults.amqp_clients import duplicating
from tests.faults.reconciliation import expected_per_student
from tests.faults.scenario import FaultScenario, assert_exact, registration_requests

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
    await scenario.culdesac.start(one_process_per_worker=False)
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
