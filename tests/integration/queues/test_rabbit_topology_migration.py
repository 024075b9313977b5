"""Queues left by an older version (classic, other arguments) meet the quorum topology."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aio_pika
import pytest

from brokers.queues import RabbitQueueBroker, TopologyConflictError
from tests.integration.queues.conftest import RETRY_DELAYS, STUDENTS, outgoing

REGISTERED = "student.registered.v1"


@pytest.fixture
async def old_topology(amqp_url: str, namespace: str) -> AsyncIterator[list[str]]:
    """The student worker's queues as classic queues, each holding one message."""
    names = [f"{namespace}.student", f"{namespace}.student.dead"]
    connection = await aio_pika.connect(amqp_url)
    async with connection:
        channel = await connection.channel()
        for name in names:
            await channel.declare_queue(name, durable=True)
            await channel.default_exchange.publish(
                aio_pika.Message(name.encode(), message_id=name, delivery_mode=2), name
            )
    yield names
    broker = RabbitQueueBroker(amqp_url, namespace, retry_delays=RETRY_DELAYS)
    await broker.connect()
    await broker.delete_topology([STUDENTS])
    await broker.close()


@pytest.fixture
async def broker(amqp_url: str, namespace: str) -> AsyncIterator[RabbitQueueBroker]:
    broker = RabbitQueueBroker(amqp_url, namespace, retry_delays=RETRY_DELAYS)
    await broker.connect()
    yield broker
    await asyncio.wait_for(broker.close(), timeout=10)


async def test_should_name_the_queue_and_its_argument_when_a_classic_queue_is_in_the_way(
    old_topology: list[str], broker: RabbitQueueBroker
) -> None:
    with pytest.raises(TopologyConflictError) as raised:
        await broker.declare_topology([STUDENTS])

    assert raised.value.queue == old_topology[0]
    # RabbitMQ names the first argument that differs.
    assert raised.value.argument.startswith("x-")
    assert "--migrate" in str(raised.value)


async def test_should_move_classic_queues_into_quorum_queues_with_their_messages(
    old_topology: list[str], broker: RabbitQueueBroker
) -> None:
    # when
    moved = await broker.migrate_topology([STUDENTS])

    # then
    assert moved == old_topology
    assert await broker.count_messages("student") == {"queue": 1, "dead": 1}
    await broker.declare_topology([STUDENTS])
    assert await broker.migrate_topology([STUDENTS]) == []
    await broker.publish(outgoing(REGISTERED))
    assert (await broker.count_messages("student"))["queue"] == 2
    listed = await broker.list_dead_letters("student")
    assert [letter.message_id for letter in listed] == [old_topology[1]]
