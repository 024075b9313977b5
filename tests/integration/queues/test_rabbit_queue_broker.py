"""What only the RabbitMQ broker can show: an unreachable server, a lost connection."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest

from brokers.queues import (
    IncomingMessage,
    OutgoingMessage,
    QueueUnavailableError,
    RabbitQueueBroker,
)
from tests.backing_services import free_port
from tests.integration.queues.conftest import RETRY_DELAYS, STUDENTS, WORKERS, outgoing
from tests.integration.queues.tcp_proxy import TcpProxy, proxied
from tests.integration.queues.waiting import eventually

REGISTERED = "student.registered.v1"


@pytest.fixture
async def proxy_and_broker(
    amqp_url: str, namespace: str
) -> AsyncIterator[tuple[TcpProxy, RabbitQueueBroker]]:
    """A broker whose connections pass through a proxy the test can cut."""
    async with proxied(amqp_url) as (proxy, proxied_url):
        # Reconnect sooner than the default 5 s, to keep the test short.
        url = f"{proxied_url}?reconnect_interval=0.5"
        broker = RabbitQueueBroker(url, namespace, retry_delays=RETRY_DELAYS)
        await broker.connect()
        try:
            yield proxy, broker
        finally:
            await asyncio.wait_for(broker.close(), timeout=10)
    cleaner = RabbitQueueBroker(amqp_url, namespace, retry_delays=RETRY_DELAYS)
    await cleaner.connect()
    await cleaner.delete_topology(WORKERS)
    await cleaner.close()


async def test_should_raise_unavailable_when_rabbitmq_cannot_be_reached(namespace: str) -> None:
    broker = RabbitQueueBroker(f"amqp://guest:guest@127.0.0.1:{free_port()}/", namespace)

    with pytest.raises(QueueUnavailableError):
        await broker.connect()

    assert not await broker.is_healthy()


async def test_should_raise_unavailable_when_publishing_unconnected(namespace: str) -> None:
    broker = RabbitQueueBroker("amqp://guest:guest@127.0.0.1:5672/", namespace)

    with pytest.raises(QueueUnavailableError):
        await broker.publish(outgoing(REGISTERED))


async def test_should_publish_again_after_rabbitmq_closed_the_channel(
    amqp_url: str, namespace: str
) -> None:
    broker = RabbitQueueBroker(amqp_url, namespace)
    await broker.connect()
    try:
        # No exchange yet: RabbitMQ closes the publishing channel.
        with pytest.raises(QueueUnavailableError):
            await broker.publish(outgoing(REGISTERED))
        await broker.declare_topology([STUDENTS])

        await broker.publish(outgoing(REGISTERED))

        await eventually(lambda: _counts(broker, queue=1))
        await broker.delete_topology([STUDENTS])
    finally:
        await broker.close()


async def test_should_keep_consuming_after_the_connection_is_lost(
    proxy_and_broker: tuple[TcpProxy, RabbitQueueBroker], caplog: pytest.LogCaptureFixture
) -> None:
    proxy, broker = proxy_and_broker
    await broker.declare_topology([STUDENTS])
    started, release = asyncio.Event(), asyncio.Event()
    received: list[IncomingMessage] = []

    async def block_first(message: IncomingMessage) -> None:
        received.append(message)
        if len(received) == 1:
            started.set()
            await release.wait()

    broker.listen("student", REGISTERED, block_first)
    await broker.start_consuming()
    in_flight, after = outgoing(REGISTERED), outgoing(REGISTERED)
    await broker.publish(in_flight)
    await asyncio.wait_for(started.wait(), timeout=5)

    with caplog.at_level(logging.WARNING, logger="brokers.queues"):
        proxy.cut()
        await eventually(lambda: _redelivered(received), within=15, what="redelivery")
        # Its channel is gone: settling the first delivery fails, and that is only a warning.
        release.set()
        await eventually(lambda: "could not settle" in caplog.text, what="warning")
    await eventually(lambda: _published(broker, after), within=15, what="publish")

    await eventually(lambda: after.message_id in [m.message_id for m in received])
    await broker.stop_consuming()
    assert await broker.count_messages("student") == {"queue": 0, "dead": 0}
    assert await broker.is_healthy()


def _redelivered(received: list[IncomingMessage]) -> bool:
    return any(message.redelivered for message in received)


async def _published(broker: RabbitQueueBroker, message: OutgoingMessage) -> bool:
    try:
        await broker.publish(message)
    except QueueUnavailableError:
        return False
    return True


async def _counts(broker: RabbitQueueBroker, *, queue: int) -> bool:
    return await broker.count_messages("student") == {"queue": queue, "dead": 0}
