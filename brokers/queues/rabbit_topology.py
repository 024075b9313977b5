"""The RabbitMQ exchange and queues of a namespace, declared the same on RabbitMQ 3.10 and 4.x."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from typing import Any

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractConnection

from brokers.queues.queue_broker import WorkerTopology
from brokers.queues.rabbit_messages import BROKER_FAILURES
from brokers.queues.topology import DELIVERY_LIMIT, QueueNames, milliseconds


def worker_queue_arguments(names: QueueNames, worker: str) -> dict[str, Any]:
    """A quorum queue that dead-letters what crashes its consumers over and over."""
    return {
        "x-queue-type": "quorum",
        "x-delivery-limit": DELIVERY_LIMIT,
        "x-dead-letter-exchange": "",
        "x-dead-letter-routing-key": names.dead(worker),
    }


def retry_queue_arguments(names: QueueNames, worker: str, delay_seconds: float) -> dict[str, Any]:
    """A classic queue whose messages all wait one TTL, then go back to the worker queue."""
    return {
        "x-message-ttl": milliseconds(delay_seconds),
        "x-dead-letter-exchange": "",
        "x-dead-letter-routing-key": names.worker(worker),
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
        worker = topology.worker
        queue = await channel.declare_queue(
            names.worker(worker), durable=True, arguments=worker_queue_arguments(names, worker)
        )
        for binding_key in topology.binding_keys:
            await queue.bind(exchange, routing_key=binding_key)
        for tier in retry_tiers:
            await channel.declare_queue(
                names.retry(worker, tier),
                durable=True,
                arguments=retry_queue_arguments(names, worker, tier),
            )
        # Classic: listing dead letters requeues them, which must not count as deliveries.
        await channel.declare_queue(names.dead(worker), durable=True)


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
