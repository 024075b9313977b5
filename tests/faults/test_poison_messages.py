"""100 malformed and invalid messages arrive amid 300 good registrations.

Each poison message ends in its worker's dead-letter queue with the reason, nothing else does,
and the good registrations are stored exactly once.
"""

from __future__ import annotations

import time
from collections import Counter

from tests.faults.amqp_clients import publish_raw
from tests.faults.poison import poison_messages
from tests.faults.scenario import FAULT_AFTER, FaultScenario, assert_exact, registration_requests

POISON_MESSAGES = 100


async def test_should_dead_letter_every_poison_message_and_nothing_else(
    scenario: FaultScenario,
) -> None:
    # given
    requests = registration_requests(seed=505)
    poison = poison_messages(POISON_MESSAGES)
    await scenario.culdesac.start(one_process_per_worker=False)
    started = time.monotonic()
    posting = scenario.post(requests)

    # when
    await posting.accepted_at_least(FAULT_AFTER)
    await publish_raw(scenario.rabbit_node.url, scenario.namespace, poison)
    reckoning = await scenario.reckon(requests, posting)

    # then: each at once (first attempt), with its reason, under the type it was sent as
    # A message no handler takes is dead-lettered by the broker itself, with a reason only.
    categories = Counter(letter.category or "none" for letter in reckoning.dead_letters)
    scenario.report(
        reckoning.figures(
            "e) 100 malformed and invalid messages amid the stream",
            time.monotonic() - started,
            poison=len(poison),
            **{f"category_{name}": count for name, count in sorted(categories.items())},
        )
    )
    assert_exact(reckoning)
    expected = {(message.worker, message.message_id) for message in poison}
    actual = {(letter.worker, letter.message_id) for letter in reckoning.dead_letters}
    assert actual == expected, {
        "missing": sorted(expected - actual),
        "unexpected": sorted(actual - expected),
    }
    assert len(reckoning.dead_letters) == len(poison), Counter(
        letter.message_id for letter in reckoning.dead_letters
    ).most_common(5)
    sent = {message.message_id: message for message in poison}
    assert [
        (sent[letter.message_id or ""].kind, letter.routing_key, letter.attempt)
        for letter in reckoning.dead_letters
        if not letter.reason
        or letter.attempt != "1"
        or letter.routing_key != sent[letter.message_id or ""].seen_as
    ] == []
