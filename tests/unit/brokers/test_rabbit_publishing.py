"""The RabbitMQ broker's publishing channel: one that lost or never answered a confirm is dropped.

aio-pika's channel and connection are replaced by fakes, so each test decides which publish
hangs or fails.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import aio_pika
import pytest
from aiormq.exceptions import DeliveryError
from pamqp.commands import Basic

from brokers.queues import OutgoingMessage, QueueUnavailableError, RabbitQueueBroker
from brokers.queues import rabbit_queue_broker as module

# A confirm deadline short enough for a unit test.
DEADLINE_SECONDS = 0.2


class FakeChannel:
    """A confirming channel whose exchange publishes by the given behaviour."""

    def __init__(self, publish: AsyncMock) -> None:
        self.is_closed = False
        self.initialize = AsyncMock()
        self.close = AsyncMock(side_effect=self._closed)
        self.exchange = MagicMock(publish=publish)
        self.default_exchange = MagicMock(publish=AsyncMock())
        self.get_exchange = AsyncMock(return_value=self.exchange)

    async def _closed(self, *_: Any) -> None:
        self.is_closed = True


async def never_confirmed(*_: Any, **__: Any) -> None:
    await asyncio.Event().wait()


class FakeChannels:
    """The channels the broker opens, in order; their publishes behave as queued in ``then``."""

    def __init__(self) -> None:
        self.opened: list[FakeChannel] = []
        self._publishes: list[AsyncMock] = []

    def then(self, *publishes: AsyncMock) -> None:
        self._publishes.extend(publishes)

    def open(self, *_: Any, **__: Any) -> FakeChannel:
        channel = FakeChannel(self._publishes.pop(0) if self._publishes else AsyncMock())
        self.opened.append(channel)
        return channel


@pytest.fixture
def channels(monkeypatch: pytest.MonkeyPatch) -> FakeChannels:
    channels = FakeChannels()
    monkeypatch.setattr(aio_pika, "Channel", channels.open)
    monkeypatch.setattr(module, "CONFIRM_TIMEOUT_SECONDS", DEADLINE_SECONDS)
    monkeypatch.setattr(module, "REPUBLISH_PAUSE_SECONDS", 0.0)
    return channels


@pytest.fixture
def connection() -> MagicMock:
    connected = asyncio.Event()
    connected.set()
    return MagicMock(connected=connected, is_closed=False)


@pytest.fixture
async def broker(monkeypatch: pytest.MonkeyPatch, connection: MagicMock) -> RabbitQueueBroker:
    monkeypatch.setattr(module, "connect_robust_to_any", AsyncMock(return_value=connection))
    broker = RabbitQueueBroker("amqp://guest:guest@127.0.0.1:5672/", "unit")
    await broker.connect()
    return broker


def message() -> OutgoingMessage:
    message_id = str(uuid.uuid4())
    return OutgoingMessage(
        routing_key="student.registered.v1",
        body=b"{}",
        message_id=message_id,
        correlation_id=message_id,
    )


async def test_a_channel_that_never_confirmed_is_not_published_on_again(
    channels: FakeChannels, broker: RabbitQueueBroker
) -> None:
    # given
    channels.then(AsyncMock(side_effect=never_confirmed), AsyncMock())
    with pytest.raises(QueueUnavailableError):
        await broker.publish(message())

    # when
    await asyncio.wait_for(broker.publish(message()), timeout=DEADLINE_SECONDS)

    # then
    stuck, fresh = channels.opened
    assert stuck.close.await_count == 1
    assert fresh.exchange.publish.await_count == 1


async def test_a_publish_whose_channel_broke_is_asked_again_on_a_new_channel(
    channels: FakeChannels, broker: RabbitQueueBroker
) -> None:
    # given
    channels.then(AsyncMock(side_effect=ConnectionResetError()), AsyncMock())

    # when
    await broker.publish(message())

    # then
    broken, fresh = channels.opened
    assert broken.close.await_count == 1
    assert fresh.exchange.publish.await_count == 1
    assert broker.publishes_retried == 1


async def test_a_nacked_publish_is_refused_and_the_next_one_goes_on_a_new_channel(
    channels: FakeChannels, broker: RabbitQueueBroker
) -> None:
    # given
    nacked = DeliveryError(None, Basic.Nack(delivery_tag=1))
    channels.then(AsyncMock(side_effect=nacked), AsyncMock())
    with pytest.raises(QueueUnavailableError):
        await broker.publish(message())

    # when
    await broker.publish(message())

    # then
    refused, fresh = channels.opened
    assert refused.exchange.publish.await_count == 1
    assert refused.close.await_count == 1
    assert fresh.exchange.publish.await_count == 1
    assert broker.publishes_retried == 0


async def test_a_confirmed_publish_keeps_its_channel(
    channels: FakeChannels, broker: RabbitQueueBroker
) -> None:
    # when
    await broker.publish(message())
    await broker.publish(message())

    # then
    (channel,) = channels.opened
    assert channel.exchange.publish.await_count == 2
    assert channel.close.await_count == 0


async def test_a_publish_while_reconnecting_waits_for_the_connection_without_a_retry(
    channels: FakeChannels, broker: RabbitQueueBroker, connection: MagicMock
) -> None:
    # given
    connection.connected.clear()
    asyncio.get_running_loop().call_later(DEADLINE_SECONDS / 4, connection.connected.set)

    # when
    await broker.publish(message())

    # then
    (channel,) = channels.opened
    assert channel.exchange.publish.await_count == 1
    assert broker.publishes_retried == 0


async def test_a_publish_is_refused_soon_when_the_connection_does_not_come_back(
    channels: FakeChannels, broker: RabbitQueueBroker, connection: MagicMock
) -> None:
    # given
    connection.connected.clear()

    # when
    with pytest.raises(QueueUnavailableError):
        await asyncio.wait_for(broker.publish(message()), timeout=DEADLINE_SECONDS * 2)

    # then
    assert channels.opened == []


async def test_a_copy_goes_straight_into_its_queue_on_the_publishing_channel(
    channels: FakeChannels, broker: RabbitQueueBroker
) -> None:
    # given
    copy = aio_pika.Message(b"{}", message_id="message-1")

    # when
    await broker._publish_copy(copy, "unit.student.retry.1000")

    # then
    (channel,) = channels.opened
    channel.default_exchange.publish.assert_awaited_once_with(
        copy, "unit.student.retry.1000", mandatory=True
    )
    channel.exchange.publish.assert_not_awaited()
