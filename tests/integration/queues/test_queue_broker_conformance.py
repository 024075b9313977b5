"""The same bodies against the in-memory broker and RabbitMQ: both must behave alike."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import pytest

from brokers.queues import (
    Ack,
    DeadLetter,
    IncomingMessage,
    OutgoingMessage,
    QueueUnavailableError,
    RetryLater,
    Settlement,
    UnroutableMessageError,
)
from brokers.queues.messages import (
    ATTEMPT_HEADER,
    ERROR_MESSAGE_HEADER,
    ERROR_TYPE_HEADER,
    ROUTING_KEY_HEADER,
    WORKER_HEADER,
)
from brokers.queues.topology import DELIVERY_LIMIT
from tests.integration.queues.conftest import (
    ANY_WORDS,
    ONE_WORD,
    RETRY_DELAYS,
    STUDENTS,
    BrokerFactory,
    CleanableQueueBroker,
    RecordingHandler,
    RecordingHooks,
    counts_are,
    outgoing,
)
from tests.integration.queues.waiting import eventually, throughout

REGISTERED = "student.registered.v1"
UPDATED = "student.updated.v1"


async def test_should_declare_topology_twice_without_change(
    broker: CleanableQueueBroker,
) -> None:
    await broker.declare_topology([STUDENTS])
    await broker.declare_topology([STUDENTS])

    await broker.publish(outgoing(REGISTERED))

    await eventually(counts_are(broker, "student", queue=1, dead=0))


async def test_should_raise_unroutable_when_no_queue_is_bound(
    broker: CleanableQueueBroker,
) -> None:
    await broker.declare_topology([STUDENTS])

    with pytest.raises(UnroutableMessageError) as raised:
        await broker.publish(outgoing("guardian.registered.v1"))

    assert raised.value.routing_key == "guardian.registered.v1"
    assert await broker.count_messages("student") == {"queue": 0, "dead": 0}


async def test_should_raise_unavailable_for_a_worker_never_declared(
    broker: CleanableQueueBroker,
) -> None:
    broker.listen("student", REGISTERED, RecordingHandler())

    with pytest.raises(QueueUnavailableError):
        await broker.start_consuming()
    with pytest.raises(QueueUnavailableError):
        await broker.count_messages("student")
    with pytest.raises(QueueUnavailableError):
        await broker.list_dead_letters("student")


async def test_should_deliver_published_bytes_properties_and_headers_intact(
    broker: CleanableQueueBroker, namespace: str
) -> None:
    await broker.declare_topology([STUDENTS])
    handler = RecordingHandler()
    broker.listen("student", REGISTERED, handler)
    await broker.start_consuming()
    headers = {"x-trace": "trace-1", "x-number": 7, "x-flag": True}
    input_message = OutgoingMessage(
        routing_key=REGISTERED,
        body=b"\x00\xff not json \xe2\x82\xac",
        message_id="message-1",
        correlation_id="registration-1",
        content_type="application/octet-stream",
        headers=headers,
    )

    await broker.publish(input_message)

    await eventually(lambda: len(handler.messages) == 1)
    assert handler.messages == [
        IncomingMessage(
            queue=f"{namespace}.student",
            routing_key=REGISTERED,
            body=input_message.body,
            message_id="message-1",
            correlation_id="registration-1",
            content_type="application/octet-stream",
            headers=headers,
            redelivered=False,
            attempt=1,
        )
    ]


async def test_should_route_by_topic_with_star_and_hash(broker: CleanableQueueBroker) -> None:
    await broker.declare_topology([ONE_WORD, ANY_WORDS])
    routing_keys = [
        "student.registered.v1",  # student.*.v1 and student.#
        "student.v1",  # student.# only: * needs exactly one word
        "student",  # student.# only: # takes zero words
        "student.registered.extra.v1",  # student.# only: * takes one word, not two
        "student.card.audited",  # student.# and #.audited
        "card.audited",  # #.audited only
    ]
    received: list[tuple[str, str]] = []

    async def record(message: IncomingMessage) -> None:
        received.append((message.queue.rsplit(".", 1)[-1], message.routing_key))

    for routing_key in routing_keys:
        broker.listen("one-word", routing_key, record)
        broker.listen("any-words", routing_key, record)
    await broker.start_consuming()

    for routing_key in routing_keys:
        await broker.publish(outgoing(routing_key))
    with pytest.raises(UnroutableMessageError):
        await broker.publish(outgoing("guardian.registered.v1"))

    expected = {
        ("one-word", "student.registered.v1"),
        ("any-words", "student.registered.v1"),
        ("any-words", "student.v1"),
        ("any-words", "student"),
        ("any-words", "student.registered.extra.v1"),
        ("any-words", "student.card.audited"),
        ("any-words", "card.audited"),
    }
    await eventually(lambda: len(received) >= len(expected))
    await broker.stop_consuming()
    assert sorted(received) == sorted(expected)
    assert await broker.count_messages("one-word") == {"queue": 0, "dead": 0}
    assert await broker.count_messages("any-words") == {"queue": 0, "dead": 0}


async def test_should_remove_messages_once_acked(broker: CleanableQueueBroker) -> None:
    await broker.declare_topology([STUDENTS])
    acking = RecordingHandler(settlement=Ack())
    returning_none = RecordingHandler()
    broker.listen("student", REGISTERED, acking)
    broker.listen("student", UPDATED, returning_none)
    await broker.start_consuming()

    await broker.publish(outgoing(REGISTERED))
    await broker.publish(outgoing(UPDATED))

    await eventually(lambda: len(acking.messages) == 1 and len(returning_none.messages) == 1)
    # Stopping hands back anything unacknowledged, so zero now means acked.
    await broker.stop_consuming()
    await eventually(counts_are(broker, "student", queue=0, dead=0))
    assert [m.redelivered for m in acking.messages + returning_none.messages] == [False, False]


@pytest.mark.parametrize(
    ("requested_delay", "tier"),
    [(0.05, 0.2), (0.3, 0.5), (60.0, 0.5)],
    ids=["smallest-tier", "next-tier-up", "largest-tier"],
)
async def test_should_redeliver_with_next_attempt_after_the_retry_tier(
    broker: CleanableQueueBroker, requested_delay: float, tier: float
) -> None:
    await broker.declare_topology([STUDENTS])
    deliveries: list[tuple[float, IncomingMessage]] = []

    async def retry_once(message: IncomingMessage) -> Settlement | None:
        deliveries.append((time.monotonic(), message))
        return RetryLater(requested_delay) if message.attempt == 1 else None

    broker.listen("student", REGISTERED, retry_once)
    await broker.start_consuming()
    input_message = outgoing(REGISTERED)

    await broker.publish(input_message)

    await eventually(lambda: len(deliveries) == 2)
    (first_at, first), (second_at, second) = deliveries
    assert (first.attempt, second.attempt) == (1, 2)
    assert second.routing_key == REGISTERED
    assert second.message_id == input_message.message_id
    assert second.correlation_id == input_message.correlation_id
    assert second.body == input_message.body
    assert second.headers == {ATTEMPT_HEADER: 2, ROUTING_KEY_HEADER: REGISTERED}
    assert tier - 0.05 <= second_at - first_at < tier + 1.5
    await broker.stop_consuming()
    await eventually(counts_are(broker, "student", queue=0, dead=0))


async def test_should_dead_letter_with_the_reason_and_its_details(
    broker: CleanableQueueBroker,
) -> None:
    await broker.declare_topology([STUDENTS])
    dead_letter = DeadLetter(
        reason="student is invalid",
        category="validation",
        error_type="InvalidStudentError",
        error_message="first_name is required",
    )
    broker.listen("student", REGISTERED, RecordingHandler(settlement=dead_letter))
    await broker.start_consuming()
    input_message = outgoing(REGISTERED, headers={"x-trace": "trace-1"})
    before = datetime.now(UTC)

    await broker.publish(input_message)

    await eventually(counts_are(broker, "student", queue=0, dead=1))
    [actual] = await broker.list_dead_letters("student")
    assert actual.worker == "student"
    assert actual.routing_key == REGISTERED
    assert actual.body == input_message.body
    assert actual.message_id == input_message.message_id
    assert actual.correlation_id == input_message.correlation_id
    assert actual.reason == "student is invalid"
    assert actual.category == "validation"
    assert actual.attempt == 1
    assert actual.headers[ERROR_TYPE_HEADER] == "InvalidStudentError"
    assert actual.headers[ERROR_MESSAGE_HEADER] == "first_name is required"
    assert actual.headers[WORKER_HEADER] == "student"
    assert actual.headers["x-trace"] == "trace-1"
    dead_lettered_at = datetime.fromisoformat(actual.dead_lettered_at)
    assert dead_lettered_at.utcoffset() is not None
    assert before <= dead_lettered_at <= datetime.now(UTC)


async def test_should_dead_letter_a_message_no_handler_listens_for(
    broker: CleanableQueueBroker,
) -> None:
    await broker.declare_topology([STUDENTS])
    handler = RecordingHandler()
    broker.listen("student", REGISTERED, handler)
    await broker.start_consuming()

    await broker.publish(outgoing(UPDATED))

    await eventually(counts_are(broker, "student", queue=0, dead=1))
    [actual] = await broker.list_dead_letters("student")
    assert actual.reason == f"no handler for routing key {UPDATED!r}"
    assert actual.routing_key == UPDATED
    assert handler.messages == []


async def test_should_settle_a_raising_handler_as_the_hooks_decide(
    make_broker: BrokerFactory,
) -> None:
    decision = DeadLetter(reason="service failed", category="service")
    hooks = RecordingHooks(decision=decision)
    broker = await make_broker(hooks=hooks)
    await broker.declare_topology([STUDENTS])
    error = ValueError("a bug")

    async def fail(message: IncomingMessage) -> None:
        raise error

    broker.listen("student", REGISTERED, fail)
    broker.listen("student", UPDATED, RecordingHandler())
    await broker.start_consuming()
    failing, passing = outgoing(REGISTERED), outgoing(UPDATED)

    await broker.publish(failing)
    await broker.publish(passing)

    await eventually(lambda: len(hooks.settled_calls) == 2)
    await broker.stop_consuming()
    assert [(m.message_id, e) for m, e in hooks.decided] == [(failing.message_id, error)]
    settled = {m.message_id: (s, e) for m, s, _, e in hooks.settled_calls}
    assert settled == {failing.message_id: (decision, error), passing.message_id: (Ack(), None)}
    assert len(hooks.settled_calls) == 2
    assert all(duration >= 0 for _, _, duration, _ in hooks.settled_calls)
    assert len(hooks.handled) == 2
    assert set(hooks.handled) == {failing.message_id, passing.message_id}
    [dead] = await broker.list_dead_letters("student")
    assert (dead.message_id, dead.reason, dead.category) == (
        failing.message_id,
        "service failed",
        "service",
    )


async def test_should_retry_a_raising_handler_after_the_first_tier_without_hooks(
    broker: CleanableQueueBroker,
) -> None:
    await broker.declare_topology([STUDENTS])
    attempts: list[int] = []

    async def fail_first(message: IncomingMessage) -> None:
        attempts.append(message.attempt)
        if message.attempt == 1:
            raise RuntimeError("transient")

    broker.listen("student", REGISTERED, fail_first)
    await broker.start_consuming()

    await broker.publish(outgoing(REGISTERED))

    await eventually(lambda: attempts == [1, 2], within=RETRY_DELAYS[0] + 5)
    await broker.stop_consuming()
    await eventually(counts_are(broker, "student", queue=0, dead=0))


async def test_should_replay_dead_letters_keeping_ids_and_correlation(
    broker: CleanableQueueBroker,
) -> None:
    await broker.declare_topology([STUDENTS])
    received: list[IncomingMessage] = []
    failing = True

    async def retry_then_dead_letter(message: IncomingMessage) -> Settlement | None:
        received.append(message)
        if not failing:
            return None
        return RetryLater(0) if message.attempt == 1 else DeadLetter(reason="not yet")

    broker.listen("student", REGISTERED, retry_then_dead_letter)
    await broker.start_consuming()
    first, second, third = (outgoing(REGISTERED, headers={"x-trace": "t"}) for _ in range(3))
    for message in (first, second, third):
        await broker.publish(message)
    await eventually(counts_are(broker, "student", queue=0, dead=3))
    assert [dead.attempt for dead in await broker.list_dead_letters("student")] == [2, 2, 2]
    failing = False

    replayed_one = await broker.replay_dead_letters("student", [second.message_id])

    assert replayed_one == 1
    await eventually(lambda: len(received) == 7)
    replayed = received[6]
    assert replayed.message_id == second.message_id
    assert replayed.correlation_id == second.correlation_id
    assert replayed.body == second.body
    assert replayed.routing_key == REGISTERED
    assert replayed.attempt == 1
    assert replayed.headers == {"x-trace": "t", ATTEMPT_HEADER: 1, ROUTING_KEY_HEADER: REGISTERED}
    await eventually(counts_are(broker, "student", queue=0, dead=2))

    replayed_rest = await broker.replay_dead_letters("student", None)

    assert replayed_rest == 2
    await eventually(lambda: len(received) == 9)
    assert {m.message_id for m in received[7:]} == {first.message_id, third.message_id}
    assert [m.attempt for m in received[7:]] == [1, 1]
    await broker.stop_consuming()
    await eventually(counts_are(broker, "student", queue=0, dead=0))


async def test_should_purge_dead_letters(broker: CleanableQueueBroker) -> None:
    await broker.declare_topology([STUDENTS])
    broker.listen("student", REGISTERED, RecordingHandler(settlement=DeadLetter(reason="no")))
    await broker.start_consuming()
    for _ in range(2):
        await broker.publish(outgoing(REGISTERED))
    await eventually(counts_are(broker, "student", queue=0, dead=2))

    purged = await broker.purge_dead_letters("student")

    assert purged == 2
    assert await broker.count_messages("student") == {"queue": 0, "dead": 0}
    assert await broker.list_dead_letters("student") == []
    assert await broker.purge_dead_letters("student") == 0


async def test_should_list_dead_letters_oldest_first_and_leave_them_in_place(
    make_broker: BrokerFactory,
) -> None:
    broker = await make_broker(prefetch=1)
    await broker.declare_topology([STUDENTS])
    broker.listen("student", REGISTERED, RecordingHandler(settlement=DeadLetter(reason="no")))
    await broker.start_consuming()
    published = [outgoing(REGISTERED) for _ in range(3)]
    for message in published:
        await broker.publish(message)
    await eventually(counts_are(broker, "student", queue=0, dead=3))

    first_listing = await broker.list_dead_letters("student")
    second_listing = await broker.list_dead_letters("student")

    expected_ids = [message.message_id for message in published]
    assert [dead.message_id for dead in first_listing] == expected_ids
    assert [dead.message_id for dead in second_listing] == expected_ids
    assert await broker.count_messages("student") == {"queue": 0, "dead": 3}


async def test_should_wait_for_the_handler_in_flight_when_stopping(
    broker: CleanableQueueBroker,
) -> None:
    await broker.declare_topology([STUDENTS])
    started, release = asyncio.Event(), asyncio.Event()
    finished: list[str | None] = []

    async def slow(message: IncomingMessage) -> None:
        started.set()
        await release.wait()
        finished.append(message.message_id)

    broker.listen("student", REGISTERED, slow)
    await broker.start_consuming()
    input_message = outgoing(REGISTERED)
    await broker.publish(input_message)
    await asyncio.wait_for(started.wait(), timeout=5)

    stopping = asyncio.create_task(broker.stop_consuming())

    done, _ = await asyncio.wait({stopping}, timeout=0.3)
    assert not done, "stop_consuming returned while a handler was still running"
    release.set()
    await asyncio.wait_for(stopping, timeout=5)
    assert finished == [input_message.message_id]
    assert await broker.count_messages("student") == {"queue": 0, "dead": 0}


async def test_should_deliver_again_a_message_whose_handler_never_settled(
    broker: CleanableQueueBroker,
) -> None:
    await broker.declare_topology([STUDENTS])
    started = asyncio.Event()

    async def never_finish(message: IncomingMessage) -> None:
        started.set()
        await asyncio.Event().wait()

    broker.listen("student", REGISTERED, never_finish)
    await broker.start_consuming()
    input_message = outgoing(REGISTERED)
    await broker.publish(input_message)
    await asyncio.wait_for(started.wait(), timeout=5)

    # A close that may not wait any longer cancels the handler: nothing was settled.
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(broker.close(), timeout=0.3)

    await broker.connect()
    handler = RecordingHandler()
    broker.listen("student", REGISTERED, handler)
    await broker.start_consuming()
    await eventually(lambda: len(handler.messages) == 1)
    [again] = handler.messages
    assert again.message_id == input_message.message_id
    assert again.redelivered
    assert again.attempt == 1
    assert again.headers == {}


async def test_should_run_handlers_concurrently_up_to_prefetch_and_never_more(
    make_broker: BrokerFactory,
) -> None:
    prefetch = 3
    broker = await make_broker(prefetch=prefetch)
    await broker.declare_topology([STUDENTS])
    release = asyncio.Event()
    running: set[str | None] = set()
    most_running = 0
    finished: list[str | None] = []

    async def gated(message: IncomingMessage) -> None:
        nonlocal most_running
        running.add(message.message_id)
        most_running = max(most_running, len(running))
        await release.wait()
        running.discard(message.message_id)
        finished.append(message.message_id)

    broker.listen("student", REGISTERED, gated)
    for _ in range(2 * prefetch):
        await broker.publish(outgoing(REGISTERED))

    await broker.start_consuming()

    await eventually(lambda: len(running) == prefetch)
    await throughout(lambda: len(running) == prefetch, seconds=0.3)
    release.set()
    await eventually(lambda: len(finished) == 2 * prefetch)
    assert most_running == prefetch
    await broker.stop_consuming()
    assert await broker.count_messages("student") == {"queue": 0, "dead": 0}


async def test_should_report_health_while_connected(broker: CleanableQueueBroker) -> None:
    assert await broker.is_healthy()

    await broker.close()

    assert not await broker.is_healthy()


async def test_should_dead_letter_a_message_that_keeps_crashing_its_consumers(
    broker: CleanableQueueBroker,
) -> None:
    await broker.declare_topology([STUDENTS])
    deliveries = 0
    started = asyncio.Event()

    async def crash(message: IncomingMessage) -> None:
        nonlocal deliveries
        deliveries += 1
        started.set()
        await asyncio.Event().wait()

    broker.listen("student", REGISTERED, crash)
    input_message = outgoing(REGISTERED)
    await broker.publish(input_message)

    # Each crash is a close that cannot wait: the message goes back, delivered once more.
    for _ in range(DELIVERY_LIMIT + 1):
        started.clear()
        await broker.start_consuming()
        await asyncio.wait_for(started.wait(), timeout=5)
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(broker.close(), timeout=0.01)
        await broker.connect()

    await eventually(counts_are(broker, "student", queue=0, dead=1))
    assert deliveries == DELIVERY_LIMIT + 1
    [dead] = await broker.list_dead_letters("student")
    assert (dead.message_id, dead.routing_key) == (input_message.message_id, REGISTERED)
