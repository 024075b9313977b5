"""Queue statistics over AMQP: a passive declare per queue, on a plain (not robust) connection.

A passive declare tells depth and consumers, not rates; and on a robust channel it was seen
reporting no messages while some were queued, hence a plain connection of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import suppress

import aio_pika
from aio_pika.abc import AbstractConnection
from aio_pika.exceptions import ChannelNotFoundEntity

from brokers.queues.queue_broker import QueueUnavailableError
from brokers.queues.queue_statistics import QueueStatistics
from brokers.queues.rabbit_failures import failure_summary
from brokers.queues.rabbit_messages import (
    BROKER_FAILURES,
    CONFIRM_TIMEOUT_SECONDS,
    client_properties,
)


class RabbitQueueStatistics:
    def __init__(self, url: str, connection_name: str = "culdesac-status") -> None:
        self._url = url
        self._connection_name = connection_name
        self._connection: AbstractConnection | None = None

    @property
    def source(self) -> str:
        return "amqp"

    async def connect(self) -> None:
        try:
            self._connection = await aio_pika.connect(
                self._url,
                client_properties=client_properties(self._connection_name),
                timeout=CONFIRM_TIMEOUT_SECONDS,
            )
        except BROKER_FAILURES as error:
            raise QueueUnavailableError(
                f"cannot connect to RabbitMQ: {failure_summary(error)}"
            ) from error

    async def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with suppress(*BROKER_FAILURES):
                await connection.close()

    async def read_queues(self, names: Sequence[str]) -> Mapping[str, QueueStatistics]:
        connection = await self._connected()
        found: dict[str, QueueStatistics] = {}
        try:
            for name in names:
                # A missing queue closes the channel it was asked on: one channel per queue.
                channel = await connection.channel()
                try:
                    queue = await channel.declare_queue(name, passive=True)
                except ChannelNotFoundEntity:
                    continue
                result = queue.declaration_result
                found[name] = QueueStatistics(
                    depth=int(result.message_count or 0), consumers=int(result.consumer_count or 0)
                )
                await channel.close()
        except BROKER_FAILURES as error:
            await self.close()
            raise QueueUnavailableError(
                f"RabbitMQ is unavailable: {failure_summary(error)}"
            ) from error
        return found

    async def _connected(self) -> AbstractConnection:
        if self._connection is None or self._connection.is_closed:
            await self.connect()
        if self._connection is None:
            raise QueueUnavailableError("the RabbitMQ statistics are not connected")
        return self._connection
