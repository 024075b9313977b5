"""Several RabbitMQ nodes in one URL: the broker moves to another when its node goes away.

Two proxies in front of the one test server stand for two nodes of a cluster; a proxy that
goes away drops its connections and refuses new ones, as a dead node would.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import pytest

from brokers.queues import IncomingMessage, QueueUnavailableError, RabbitQueueBroker
from brokers.queues.rabbit_queue_broker import REPUBLISH_PATIENCE_SECONDS
from tests.backing_services import free_port
from tests.integration.queues.conftest import RETRY_DELAYS, STUDENTS, outgoing
from tests.integration.queues.tcp_proxy import TcpProxy, proxied
from tests.integration.queues.waiting import eventually

REGISTERED = "student.registered.v1"
# Reconnect sooner than the default 5 s, to keep the tests short.
FAST_RECONNECT = "?reconnect_interval=0.2"


@pytest.fixture
async def two_nodes(amqp_url: str) -> AsyncIterator[tuple[tuple[TcpProxy, TcpProxy], str]]:
    """Two proxies, and the comma-separated URL naming both."""
    async with AsyncExitStack() as stack:
        first, first_url = await stack.enter_async_context(proxied(amqp_url))
        second, second_url = await stack.enter_async_context(proxied(amqp_url))
        yield (first, second), f"{first_url}{FAST_RECONNECT},{second_url}{FAST_RECONNECT}"


@pytest.fixture
async def broker(
    two_nodes: tuple[tuple[TcpProxy, TcpProxy], str], amqp_url: str, namespace: str
) -> AsyncIterator[RabbitQueueBroker]:
    broker = RabbitQueueBroker(two_nodes[1], namespace, retry_delays=RETRY_DELAYS)
    await broker.connect()
    await broker.declare_topology([STUDENTS])
    try:
        yield broker
    finally:
        await asyncio.wait_for(broker.close(), timeout=10)
        cleaner = RabbitQueueBroker(amqp_url, namespace, retry_delays=RETRY_DELAYS)
        await cleaner.connect()
        await cleaner.delete_topology([STUDENTS])
        await cleaner.close()


def node_in_use(proxies: tuple[TcpProxy, TcpProxy]) -> tuple[TcpProxy, TcpProxy]:
    """The proxy the broker's connections go through, and the other one."""
    first, second = proxies
    return (first, second) if first.connections else (second, first)


async def test_should_connect_to_the_next_node_when_the_first_does_not_answer(
    amqp_url: str, namespace: str
) -> None:
    # given
    closed = f"amqp://guest:guest@127.0.0.1:{free_port()}/"
    urls = f"{closed},{closed},{amqp_url}"
    broker = RabbitQueueBroker(urls, namespace, retry_delays=RETRY_DELAYS)

    # when
    await broker.connect()

    # then
    try:
        assert await broker.is_healthy()
    finally:
        await broker.close()


async def test_should_consume_through_another_node_once_its_node_went_away(
    two_nodes: tuple[tuple[TcpProxy, TcpProxy], str], broker: RabbitQueueBroker
) -> None:
    # given
    received: list[IncomingMessage] = []

    async def keep(message: IncomingMessage) -> None:
        received.append(message)

    broker.listen("student", REGISTERED, keep)
    await broker.start_consuming()
    used, other = node_in_use(two_nodes[0])
    before, after = outgoing(REGISTERED), outgoing(REGISTERED)
    await broker.publish(before)
    await eventually(lambda: len(received) == 1, what="the first message")

    # when
    used.go_away()
    await broker.publish(after)

    # then
    await eventually(lambda: len(received) == 2, within=15, what="the message after failover")
    assert [message.message_id for message in received] == [before.message_id, after.message_id]
    assert other.connections
    assert await broker.is_healthy()


async def test_should_publish_again_through_another_node_when_a_confirm_is_lost(
    two_nodes: tuple[tuple[TcpProxy, TcpProxy], str], broker: RabbitQueueBroker
) -> None:
    # given
    used, _ = node_in_use(two_nodes[0])
    # The publishing channel is open already: what the node does not answer is the confirm.
    await broker.publish(outgoing(REGISTERED))
    message = outgoing(REGISTERED)
    used.hold_answers()

    # when
    publishing = asyncio.create_task(broker.publish(message))
    await eventually(lambda: used.sent_while_holding > 0, what="the publish to reach the node")
    used.go_away()
    await asyncio.wait_for(publishing, timeout=15)

    # then
    assert broker.publishes_retried >= 1
    counts = await broker.count_messages("student")
    # The node may have stored the first copy: consumers are idempotent, so two is no loss.
    assert counts["queue"] in {2, 3}


async def test_should_raise_unavailable_soon_when_no_node_comes_back(
    two_nodes: tuple[tuple[TcpProxy, TcpProxy], str], broker: RabbitQueueBroker
) -> None:
    # given
    for proxy in two_nodes[0]:
        proxy.go_away()

    # when
    with pytest.raises(QueueUnavailableError):
        await asyncio.wait_for(
            broker.publish(outgoing(REGISTERED)), timeout=REPUBLISH_PATIENCE_SECONDS + 2
        )

    # then
    assert broker.publishes_retried == 0
