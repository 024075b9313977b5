"""The RabbitMQ exchange and queues of a namespace, declared the same on RabbitMQ 3.10 and 4.x.

Every queue is a quorum queue replicated on up to ``QUORUM_GROUP_SIZE`` nodes (fewer when the
cluster has fewer: one node is a cluster of one), so none of them lives on one node only.
Messages they dead-letter (expired retries, deliveries over the limit) move at least once:
the queue keeps each until its target confirmed it, which RabbitMQ allows only with
``reject-publish`` overflow.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import suppress
from typing import Any

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractConnection, AbstractQueue
from aio_pika.exceptions import ChannelPreconditionFailed

from brokers.queues.queue_broker import TopologyConflictError, WorkerTopology
from brokers.queues.rabbit_messages import BROKER_FAILURES
from brokers.queues.topology import (
    DEAD_LETTER_DELIVERY_LIMIT,
    DELIVERY_LIMIT,
    QUORUM_GROUP_SIZE,
    QueueNames,
    milliseconds,
)

_INEQUIVALENT_ARGUMENT = re.compile(r"inequivalent arg '(?P<argument>[\w-]+)'")


def _replicated(dead_letter_to: str | None) -> dict[str, Any]:
    arguments: dict[str, Any] = {
        "x-queue-type": "quorum",
        "x-quorum-initial-group-size": QUORUM_GROUP_SIZE,
    }
    if dead_letter_to is not None:
        arguments |= {
            "x-dead-letter-exchange": "",
            "x-dead-letter-routing-key": dead_letter_to,
            "x-dead-letter-strategy": "at-least-once",
            "x-overflow": "reject-publish",
        }
    return arguments


def worker_queue_arguments(names: QueueNames, worker: str) -> dict[str, Any]:
    """The worker's queue; it dead-letters what crashes its consumers over and over."""
    return {**_replicated(names.dead(worker)), "x-delivery-limit": DELIVERY_LIMIT}


def retry_queue_arguments(names: QueueNames, worker: str, delay_seconds: float) -> dict[str, Any]:
    """A delay queue whose messages all wait one TTL, then go back to the worker queue."""
    return {**_replicated(names.worker(worker)), "x-message-ttl": milliseconds(delay_seconds)}


def dead_queue_arguments() -> dict[str, Any]:
    """The dead letters, kept whatever the number of times they are listed.

    Listing hands each back, which a quorum queue counts as a delivery: the limit is far
    beyond any listing (RabbitMQ 4.x would drop a message at its default of 20).
    """
    return {**_replicated(None), "x-delivery-limit": DEAD_LETTER_DELIVERY_LIMIT}


def queue_arguments(
    names: QueueNames, retry_tiers: Sequence[float], worker: str
) -> dict[str, dict[str, Any]]:
    """Every queue of one worker, by name, with its arguments; the worker queue first."""
    return {
        names.worker(worker): worker_queue_arguments(names, worker),
        **{
            names.retry(worker, tier): retry_queue_arguments(names, worker, tier)
            for tier in retry_tiers
        },
        names.dead(worker): dead_queue_arguments(),
    }


async def declare_topology(
    connection: AbstractConnection,
    names: QueueNames,
    retry_tiers: Sequence[float],
    workers: Sequence[WorkerTopology],
) -> None:
    async with connection.channel() as channel:
        await _declare(channel, names, retry_tiers, workers)


async def _declare(
    channel: AbstractChannel,
    names: QueueNames,
    retry_tiers: Sequence[float],
    workers: Sequence[WorkerTopology],
) -> None:
    exchange = await channel.declare_exchange(
        names.exchange, aio_pika.ExchangeType.TOPIC, durable=True
    )
    for topology in workers:
        queues = queue_arguments(names, retry_tiers, topology.worker)
        declared = [
            await _declare_queue(channel, name, arguments) for name, arguments in queues.items()
        ]
        for binding_key in topology.binding_keys:
            await declared[0].bind(exchange, routing_key=binding_key)


async def _declare_queue(
    channel: AbstractChannel, name: str, arguments: dict[str, Any]
) -> AbstractQueue:
    """Declare one queue; one that exists with other arguments is a ``TopologyConflictError``.

    RabbitMQ closes the channel on such a conflict, so nothing after it is declared.
    """
    try:
        return await channel.declare_queue(name, durable=True, arguments=arguments)
    except ChannelPreconditionFailed as conflict:
        found = _INEQUIVALENT_ARGUMENT.search(str(conflict))
        raise TopologyConflictError(name, found["argument"] if found else "") from conflict


async def delete_topology(
    connection: AbstractConnection,
    names: QueueNames,
    retry_tiers: Sequence[float],
    workers: Sequence[WorkerTopology],
) -> None:
    async with connection.channel() as channel:
        for topology in workers:
            worker = topology.worker
            for name in (
                names.worker(worker),
                names.dead(worker),
                *(names.retry(worker, tier) for tier in retry_tiers),
            ):
                await channel.queue_delete(name)
    # Other workers may still be bound to the exchange; then RabbitMQ refuses and closes the
    # channel, and the exchange stays.
    with suppress(*BROKER_FAILURES):
        async with connection.channel() as channel:
            await channel.exchange_delete(names.exchange, if_unused=True)
