"""Moving a queue declared with other arguments into the topology's queue of the same name.

E.g. a classic queue of an older version becomes the quorum queue, messages included.

RabbitMQ never changes a queue's arguments: the queue is emptied into a temporary one, deleted,
declared again, and refilled. Each message is acknowledged only after its copy was confirmed,
so an interrupted migration loses nothing (running it again finishes it). It is meant for a
stopped system: with publishers or consumers running, messages could arrive in or leave a
queue while it is being moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import aio_pika
from aio_pika.abc import AbstractConnection, AbstractIncomingMessage
from aio_pika.exceptions import ChannelPreconditionFailed

from brokers.queues.queue_broker import QueueUnavailableError, WorkerTopology
from brokers.queues.rabbit_messages import CONFIRM_TIMEOUT_SECONDS
from brokers.queues.rabbit_topology import declare_topology, queue_arguments
from brokers.queues.topology import QueueNames

MIGRATING_SUFFIX = ".migrating"


class MigrationInterruptedError(QueueUnavailableError):
    """Messages kept arriving in a queue being moved: something still publishes to it."""

    def __init__(self, queue: str) -> None:
        super().__init__(
            f"messages arrived in {queue!r} while it was moved: stop the workers and the "
            "ingress, then run the migration again (it carries on where it stopped)"
        )


_PLAIN_QUORUM = {"x-queue-type": "quorum"}


async def migrate_topology(
    connection: AbstractConnection,
    names: QueueNames,
    retry_tiers: Sequence[float],
    workers: Sequence[WorkerTopology],
) -> list[str]:
    """Move every queue that conflicts with the topology; then declare it. Returns their names."""
    migrated = []
    for topology in workers:
        for name, arguments in queue_arguments(names, retry_tiers, topology.worker).items():
            holding = name + MIGRATING_SUFFIX
            if await _conflicts(connection, name, arguments):
                await _declare(connection, holding, _PLAIN_QUORUM)
                await _move(connection, name, holding)
                await _delete_emptied(connection, name)
                migrated.append(name)
            if await _exists(connection, holding):
                # Also finishes a migration that was interrupted after the delete.
                await _declare(connection, name, arguments)
                await _move(connection, holding, name)
                await _delete_emptied(connection, holding)
    await declare_topology(connection, names, retry_tiers, workers)
    return migrated


async def _conflicts(connection: AbstractConnection, name: str, arguments: dict[str, Any]) -> bool:
    """Whether ``name`` exists with other arguments (declaring it otherwise, as it should be)."""
    try:
        await _declare(connection, name, arguments)
    except ChannelPreconditionFailed:
        return True
    return False


async def _delete_emptied(connection: AbstractConnection, name: str) -> None:
    """Delete a queue just emptied; refuse when messages arrived meanwhile (a running system).

    Quorum queues do not take ``if-empty`` deletes, hence the count first.
    """
    async with connection.channel() as channel:
        queue = await channel.declare_queue(name, passive=True)
        if queue.declaration_result.message_count:
            raise MigrationInterruptedError(name)
        await channel.queue_delete(name)


async def _exists(connection: AbstractConnection, name: str) -> bool:
    try:
        async with connection.channel() as channel:
            await channel.declare_queue(name, passive=True)
    except aio_pika.exceptions.ChannelNotFoundEntity:
        return False
    return True


async def _declare(connection: AbstractConnection, name: str, arguments: dict[str, Any]) -> None:
    async with connection.channel() as channel:
        await channel.declare_queue(name, durable=True, arguments=arguments)


async def _move(connection: AbstractConnection, source: str, target: str) -> int:
    """Every message of ``source`` into ``target``, each acked once its copy is confirmed."""
    moved = 0
    async with connection.channel(publisher_confirms=True, on_return_raises=True) as channel:
        queue = await channel.declare_queue(source, passive=True)
        while (
            delivery := await queue.get(fail=False, timeout=CONFIRM_TIMEOUT_SECONDS)
        ) is not None:
            await channel.default_exchange.publish(
                _copy(delivery), target, mandatory=True, timeout=CONFIRM_TIMEOUT_SECONDS
            )
            await delivery.ack()
            moved += 1
    return moved


def _copy(delivery: AbstractIncomingMessage) -> aio_pika.Message:
    return aio_pika.Message(
        delivery.body,
        headers=dict(delivery.headers),
        content_type=delivery.content_type,
        content_encoding=delivery.content_encoding,
        message_id=delivery.message_id,
        correlation_id=delivery.correlation_id,
        timestamp=delivery.timestamp,
        type=delivery.type,
        app_id=delivery.app_id,
        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
    )
