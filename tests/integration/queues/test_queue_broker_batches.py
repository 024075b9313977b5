"""Batch handlers alike on the in-memory broker and RabbitMQ.

Deliveries are handed over together; each message is settled by its own answer, exactly as a
message handler's would be.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from brokers.queues import Ack, BatchResult, DeadLetter, IncomingMessage, RetryLater
from brokers.queues.batches import Batching
from tests.integration.queues.conftest import (
    STUDENTS,
    BrokerFactory,
    RecordingHooks,
    counts_are,
    outgoing,
)
from tests.integration.queues.waiting import eventually

REGISTERED = "student.registered.v1"


class HandlerFailedError(Exception):
    pass


@dataclass
class RecordingBatchHandler:
    """Records each batch; answers every message by the answer its body names."""

    work_seconds: float = 0.0
    batches: list[list[IncomingMessage]] = field(default_factory=list)

    async def __call__(self, messages: Sequence[IncomingMessage]) -> list[BatchResult]:
        self.batches.append(list(messages))
        # Handling takes a while, as a write does: what arrives meanwhile gathers.
        await asyncio.sleep(self.work_seconds)
        return [answer_of(message) for message in messages]

    def sizes(self) -> list[int]:
        return [len(batch) for batch in self.batches]

    def handled(self) -> int:
        return sum(self.sizes())


def answer_of(message: IncomingMessage) -> BatchResult:
    match json.loads(message.body)["answer"]:
        case "ack":
            return None
        case "dead":
            return DeadLetter(reason="refused alone")
        case _:
            return HandlerFailedError("failed alone")


def answering(answer: str, index: int) -> bytes:
    return json.dumps({"answer": answer, "index": index}).encode()


async def test_should_hand_waiting_messages_over_in_batches_each_settled_by_its_answer(
    make_broker: BrokerFactory,
) -> None:
    # given
    hooks = RecordingHooks(decision=DeadLetter(reason="decided"))
    broker = await make_broker(prefetch=40, hooks=hooks, batching=Batching(10, 0.05))
    await broker.declare_topology([STUDENTS])
    handler = RecordingBatchHandler(work_seconds=0.05)
    broker.listen_batch("student", REGISTERED, handler)
    answers = ["ack", "dead", "raise"] * 10
    for index, answer in enumerate(answers):
        await broker.publish(outgoing(REGISTERED, body=answering(answer, index)))

    # when
    await broker.start_consuming()

    # then
    await eventually(counts_are(broker, "student", queue=0, dead=20))
    await eventually(lambda: len(hooks.settled_calls) == len(answers))
    assert handler.handled() == len(answers)
    assert max(handler.sizes()) <= 10
    assert max(handler.sizes()) > 1
    settled = {
        json.loads(message.body)["index"]: (settlement, error)
        for message, settlement, _, error in hooks.settled_calls
    }
    for index, answer in enumerate(answers):
        settlement, error = settled[index]
        if answer == "ack":
            assert (settlement, error) == (Ack(), None)
        elif answer == "dead":
            assert (settlement, error) == (DeadLetter(reason="refused alone"), None)
        else:
            assert settlement == DeadLetter(reason="decided")
            assert isinstance(error, HandlerFailedError)
    assert sorted(json.loads(m.body)["index"] for m, _ in hooks.decided) == list(
        range(2, len(answers), 3)
    )
    assert sorted(map(str, hooks.handled)) == sorted(
        str(m.message_id) for m, *_ in hooks.settled_calls
    )


async def test_should_hand_a_lone_message_over_without_lingering(
    make_broker: BrokerFactory,
) -> None:
    # given: a linger far longer than the wait below allows
    broker = await make_broker(batching=Batching(100, 60.0))
    await broker.declare_topology([STUDENTS])
    handler = RecordingBatchHandler()
    broker.listen_batch("student", REGISTERED, handler)
    await broker.start_consuming()

    # when
    await broker.publish(outgoing(REGISTERED, body=answering("ack", 0)))

    # then
    await eventually(counts_are(broker, "student", queue=0, dead=0), within=5)
    await eventually(lambda: handler.sizes() == [1], within=5)


async def test_should_decide_every_message_of_a_batch_whose_handler_raises(
    make_broker: BrokerFactory,
) -> None:
    # given
    hooks = RecordingHooks(decision=DeadLetter(reason="decided"))
    broker = await make_broker(hooks=hooks, batching=Batching(10, 0.05))
    await broker.declare_topology([STUDENTS])
    error = HandlerFailedError("the whole batch failed")

    async def failing(messages: Sequence[IncomingMessage]) -> list[BatchResult]:
        raise error

    broker.listen_batch("student", REGISTERED, failing)
    for index in range(5):
        await broker.publish(outgoing(REGISTERED, body=answering("ack", index)))

    # when
    await broker.start_consuming()

    # then
    await eventually(counts_are(broker, "student", queue=0, dead=5))
    await eventually(lambda: len(hooks.settled_calls) == 5)
    assert [raised for _, raised in hooks.decided] == [error] * 5


async def test_should_retry_only_the_message_that_asked_for_it(
    make_broker: BrokerFactory,
) -> None:
    # given
    broker = await make_broker(batching=Batching(10, 0.05))
    await broker.declare_topology([STUDENTS])
    attempts: dict[int, list[int]] = {}

    async def retry_first_once(messages: Sequence[IncomingMessage]) -> list[BatchResult]:
        answers: list[BatchResult] = []
        for message in messages:
            index = json.loads(message.body)["index"]
            attempts.setdefault(index, []).append(message.attempt)
            answers.append(RetryLater(0.2) if index == 0 and message.attempt == 1 else None)
        return answers

    broker.listen_batch("student", REGISTERED, retry_first_once)
    for index in range(4):
        await broker.publish(outgoing(REGISTERED, body=answering("ack", index)))

    # when
    await broker.start_consuming()

    # then
    await eventually(lambda: attempts.get(0) == [1, 2])
    await eventually(counts_are(broker, "student", queue=0, dead=0))
    assert attempts == {0: [1, 2], 1: [1], 2: [1], 3: [1]}
