"""Counts, topology and dead-letter tooling over a plain (not robust) RabbitMQ connection.

A passive queue declare on a robust channel was seen reporting ``message_count=0`` while
messages were queued; a plain connection reports them. Each operation takes a fresh channel.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager, suppress

from aio_pika.abc import AbstractChannel, AbstractConnection, AbstractIncomingMessage, AbstractQueue
from aio_pika.exceptions import ChannelNotFoundEntity

from brokers.queues.delivery import replay_headers
from brokers.queues.messages import DeadLetteredMessage
from brokers.queues.queue_broker import QueueUnavailableError, WorkerTopology
from brokers.queues.rabbit_failures import failure_summary
from brokers.queues.rabbit_messages import (
    BROKER_FAILURES,
    CONFIRM_TIMEOUT_SECONDS,
    amqp_message,
    client_properties,
    dead_lettered_message,
    original_routing_key,
    published_headers,
)
from brokers.queues.rabbit_migration import migrate_topology
from brokers.queues.rabbit_nodes import connect_to_any
from brokers.queues.rabbit_topology import declare_topology, delete_topology
from brokers.queues.topology import QueueNames

_TopologyOperation = Callable[
    [AbstractConnection, QueueNames, Sequence[float], Sequence[WorkerTopology]], Awaitable[None]
]


class RabbitQueueAdmin:
    def __init__(
        self,
        nodes: Sequence[str],
        names: QueueNames,
        retry_tiers: Sequence[float],
        connection_name: str | None,
    ) -> None:
        self._nodes = tuple(nodes)
        self._names = names
        self._retry_tiers = retry_tiers
        self._connection_name = connection_name
        self._connection: AbstractConnection | None = None
        # Listing and replaying take every dead letter off its queue for a moment: one at a time.
        self._lock = asyncio.Lock()

    async def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with suppress(*BROKER_FAILURES):
                await connection.close()

    async def is_healthy(self) -> bool:
        try:
            async with self._channel():
                return True
        except QueueUnavailableError:
            return False

    async def declare_topology(self, workers: Sequence[WorkerTopology]) -> None:
        async with self._lock:
            await self._run(declare_topology, workers)

    async def delete_topology(self, workers: Sequence[WorkerTopology]) -> None:
        async with self._lock:
            await self._run(delete_topology, workers)

    async def migrate_topology(self, workers: Sequence[WorkerTopology]) -> list[str]:
        async with self._lock:
            try:
                connection = await self._connected()
                return await migrate_topology(connection, self._names, self._retry_tiers, workers)
            except BROKER_FAILURES as error:
                raise QueueUnavailableError(
                    f"RabbitMQ refused the migration: {failure_summary(error)}"
                ) from error

    async def count_messages(self, worker: str) -> Mapping[str, int]:
        async with self._channel() as channel:
            queue = await channel.declare_queue(self._names.worker(worker), passive=True)
            dead = await channel.declare_queue(self._names.dead(worker), passive=True)
            return {"queue": _ready(queue), "dead": _ready(dead)}

    async def list_dead_letters(
        self, worker: str, progress: Callable[[], None] | None = None
    ) -> Sequence[DeadLetteredMessage]:
        async with self._lock, self._channel() as channel:
            dead = await channel.declare_queue(self._names.dead(worker), passive=True)
            deliveries = await _take_all(dead, progress)
            listed = [dead_lettered_message(worker, delivery) for delivery in deliveries]
            await _put_back(deliveries)
            return listed

    async def replay_dead_letters(
        self,
        worker: str,
        message_ids: Sequence[str] | None,
        progress: Callable[[], None] | None = None,
    ) -> int:
        wanted = None if message_ids is None else set(message_ids)
        async with self._lock, self._channel(confirms=True) as channel:
            dead = await channel.declare_queue(self._names.dead(worker), passive=True)
            await channel.declare_queue(self._names.worker(worker), passive=True)
            deliveries = await _take_all(dead)
            kept = []
            for delivery in deliveries:
                if progress is not None:
                    progress()
                if wanted is None or delivery.message_id in wanted:
                    await self._send_back(channel, worker, delivery)
                    await delivery.ack()
                else:
                    kept.append(delivery)
            await _put_back(kept)
            return len(deliveries) - len(kept)

    async def purge_dead_letters(self, worker: str) -> int:
        async with self._lock, self._channel() as channel:
            dead = await channel.declare_queue(self._names.dead(worker), passive=True)
            purged = await dead.purge()
            return int(purged.message_count or 0)

    async def _send_back(
        self, channel: AbstractChannel, worker: str, delivery: AbstractIncomingMessage
    ) -> None:
        headers = replay_headers(
            published_headers(delivery.headers), original_routing_key(delivery)
        )
        message = amqp_message(
            delivery.body,
            message_id=delivery.message_id,
            correlation_id=delivery.correlation_id,
            content_type=delivery.content_type,
            headers=headers,
            timestamp=delivery.timestamp,
        )
        await channel.default_exchange.publish(
            message, self._names.worker(worker), mandatory=True, timeout=CONFIRM_TIMEOUT_SECONDS
        )

    async def _run(
        self,
        operation: _TopologyOperation,
        workers: Sequence[WorkerTopology],
    ) -> None:
        try:
            connection = await self._connected()
            await operation(connection, self._names, self._retry_tiers, workers)
        except BROKER_FAILURES as error:
            raise QueueUnavailableError(
                f"RabbitMQ refused the topology: {failure_summary(error)}"
            ) from error

    @asynccontextmanager
    async def _channel(self, *, confirms: bool = False) -> AsyncIterator[AbstractChannel]:
        try:
            connection = await self._connected()
            channel = await connection.channel(
                publisher_confirms=confirms, on_return_raises=confirms
            )
        except BROKER_FAILURES as error:
            raise QueueUnavailableError(
                f"RabbitMQ is unavailable: {failure_summary(error)}"
            ) from error
        try:
            yield channel
        except ChannelNotFoundEntity as error:
            raise QueueUnavailableError(f"RabbitMQ has no such queue: {error}") from error
        except BROKER_FAILURES as error:
            raise QueueUnavailableError(
                f"RabbitMQ is unavailable: {failure_summary(error)}"
            ) from error
        finally:
            # Closing also hands back whatever this channel still holds unacknowledged.
            with suppress(*BROKER_FAILURES):
                await channel.close()

    async def _connected(self) -> AbstractConnection:
        connection = self._connection
        if connection is None or connection.is_closed or not connection.connected.is_set():
            # A plain connection does not come back by itself once its transport is gone. Its
            # node may be gone too: the next try starts with the next node.
            if connection is not None:
                self._nodes = (*self._nodes[1:], *self._nodes[:1])
            await self.close()
            name = f"{self._connection_name or 'culdesac'} (admin)"
            connection = self._connection = await connect_to_any(
                self._nodes, client_properties(name)
            )
        return connection


def _ready(queue: AbstractQueue) -> int:
    return int(queue.declaration_result.message_count or 0)


async def _take_all(
    queue: AbstractQueue, progress: Callable[[], None] | None = None
) -> list[AbstractIncomingMessage]:
    """Every message in the queue, oldest first, held unacknowledged on this channel."""
    deliveries = []
    while (delivery := await queue.get(fail=False, timeout=CONFIRM_TIMEOUT_SECONDS)) is not None:
        deliveries.append(delivery)
        if progress is not None:
            progress()
    return deliveries


async def _put_back(deliveries: Sequence[AbstractIncomingMessage]) -> None:
    """Requeue held messages; a classic queue puts them back in their places, order kept."""
    for delivery in deliveries:
        await delivery.nack(requeue=True)
