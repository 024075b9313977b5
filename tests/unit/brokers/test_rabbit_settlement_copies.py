"""A retry or dead-letter copy nacked on the delivering channel is stored on another channel.

The delivery, its channel and the other publisher are fakes; each test decides how the
delivering channel answers the copy.
"""

from __future__ import annotations

from datetime import UTC, datetime
from unittest.mock import AsyncMock, MagicMock

import pytest
from aiormq.exceptions import DeliveryError
from pamqp.commands import Basic

from brokers.queues import QueueUnavailableError
from brokers.queues.batches import Batching
from brokers.queues.messages import DeadLetter, IncomingMessage, RetryLater, Settlement
from brokers.queues.rabbit_consumer import RabbitWorkerConsumer
from brokers.queues.topology import QueueNames

NAMES = QueueNames("unit")
TIERS = (1.0, 5.0)


def delivery(copy_answer: object | None = None) -> MagicMock:
    delivered = MagicMock(
        body=b"{}",
        message_id="message-1",
        correlation_id="registration-1",
        content_type="application/json",
        timestamp=datetime.now(UTC),
    )
    delivered.channel.basic_publish = AsyncMock(side_effect=copy_answer)
    delivered.ack = AsyncMock()
    delivered.nack = AsyncMock()
    return delivered


def message() -> IncomingMessage:
    return IncomingMessage(
        queue=NAMES.worker("student"),
        routing_key="student.registered.v1",
        body=b"{}",
        message_id="message-1",
        correlation_id="registration-1",
        content_type="application/json",
        headers={},
        redelivered=False,
        attempt=1,
    )


def consumer(copy_elsewhere: AsyncMock) -> RabbitWorkerConsumer:
    return RabbitWorkerConsumer(
        "student",
        NAMES,
        TIERS,
        MagicMock(),
        Batching(size=1, linger=0.0, concurrency=1),
        copy_elsewhere=copy_elsewhere,
    )


@pytest.mark.parametrize(
    ("settlement", "queue"),
    [
        (RetryLater(1.0), NAMES.retry("student", 1.0)),
        (DeadLetter("refused"), NAMES.dead("student")),
    ],
)
async def test_a_nacked_copy_is_stored_elsewhere_and_the_delivery_acked(
    settlement: Settlement, queue: str
) -> None:
    # given
    nacked = DeliveryError(None, Basic.Nack(delivery_tag=1))
    delivered = delivery(nacked)
    copy_elsewhere = AsyncMock()

    # when
    await consumer(copy_elsewhere)._settle(delivered, message(), settlement)

    # then
    copy_elsewhere.assert_awaited_once()
    copy, target = copy_elsewhere.await_args_list[0].args
    assert target == queue
    assert copy.message_id == "message-1"
    delivered.ack.assert_awaited_once()


async def test_a_copy_the_delivering_channel_confirmed_goes_nowhere_else() -> None:
    # given
    delivered = delivery()
    copy_elsewhere = AsyncMock()

    # when
    await consumer(copy_elsewhere)._settle(delivered, message(), RetryLater(1.0))

    # then
    copy_elsewhere.assert_not_awaited()
    delivered.ack.assert_awaited_once()


async def test_a_copy_stored_nowhere_leaves_the_delivery_to_be_delivered_again() -> None:
    # given
    nacked = DeliveryError(None, Basic.Nack(delivery_tag=1))
    delivered = delivery(nacked)
    copy_elsewhere = AsyncMock(side_effect=QueueUnavailableError("not confirmed"))
    outcome = MagicMock(settlement=RetryLater(1.0))

    # when
    await consumer(copy_elsewhere)._settle_outcome(delivered, message(), outcome)

    # then
    delivered.ack.assert_not_awaited()
    delivered.nack.assert_awaited_once_with(requeue=True)
