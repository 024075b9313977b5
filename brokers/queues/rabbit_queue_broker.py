"""The queue broker over RabbitMQ (aio-pika): a topic exchange in, a quorum queue per worker."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from datetime import UTC, datetime
from typing import Any

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractExchange, AbstractRobustConnection
from aio_pika.exceptions import ChannelClosed, DeliveryError, PublishError

from brokers.queues.batches import Batching
from brokers.queues.delivery import (
    Dispatcher,
    HandlerRegistry,
    observed_publish,
    traced_publish,
)
from brokers.queues.messages import (
    BatchHandler,
    DeadLetteredMessage,
    DeliveryHooks,
    MessageHandler,
    OutgoingMessage,
    PublishObserver,
)
from brokers.queues.queue_broker import (
    QueueUnavailableError,
    UnroutableMessageError,
    WorkerTopology,
)
from brokers.queues.rabbit_admin import RabbitQueueAdmin
from brokers.queues.rabbit_consumer import RabbitWorkerConsumer
from brokers.queues.rabbit_failures import failure_summary
from brokers.queues.rabbit_messages import (
    BROKER_FAILURES,
    CONFIRM_TIMEOUT_SECONDS,
    amqp_message,
    client_properties,
)
from brokers.queues.rabbit_nodes import connect_robust_to_any, node_urls, shuffled
from brokers.queues.rabbit_topology import queue_arguments
from brokers.queues.topology import QueueNames, retry_tiers
from brokers.tracings import TracingBroker

logger = logging.getLogger(__name__)

# A confirm lost with its node is asked again of the next node if the connection is back this
# soon (a cluster's next node answers within a reconnect); otherwise the caller hears at once
# that RabbitMQ is unavailable (the ingress answers 503) instead of waiting out an outage.
REPUBLISH_PATIENCE_SECONDS = 3.0
# Pause before asking again, while the connection moves on.
REPUBLISH_PAUSE_SECONDS = 0.1
# How long closing an abandoned publishing channel may take before it is left to the broker.
ABANDON_SECONDS = 1.0
# RabbitMQ's own answers on a live connection: the channel closed on an error, or a nack (the
# message was not stored). Asking again at once would only hammer a queue that is not ready.
_REFUSALS = (ChannelClosed, DeliveryError)


class RabbitQueueBroker:
    """Publishes to ``<ns>.events`` with confirms and consumes each worker's quorum queue.

    ``url`` names one node, or a cluster's nodes separated by commas. Consuming and publishing
    share one robust connection to one node at a time, which moves to another node and restores
    its consumers after a reconnect. Publishes go through a plain channel of the live
    connection, opened again after a reconnect rather than restored (see ``_exchange``).
    Counts, topology and dead-letter tooling use a plain connection of their own.
    """

    def __init__(
        self,
        url: str,
        namespace: str,
        *,
        prefetch: int = 32,
        retry_delays: Sequence[float] = (1.0, 5.0, 30.0),
        hooks: DeliveryHooks | None = None,
        connection_name: str | None = None,
        publish_observer: PublishObserver | None = None,
        tracing: TracingBroker | None = None,
        batching: Batching | None = None,
    ) -> None:
        self._publish_observer = publish_observer
        self._tracing = tracing
        self._batching = batching or Batching()
        self._nodes = shuffled(node_urls(url))
        self._names = QueueNames(namespace)
        self._prefetch = prefetch
        self._retry_tiers = retry_tiers(retry_delays)
        self._connection_name = connection_name
        self._handlers = HandlerRegistry()
        self._dispatcher = Dispatcher(self._handlers, hooks, self._retry_tiers[0], tracing)
        self._admin = RabbitQueueAdmin(self._nodes, self._names, self._retry_tiers, connection_name)
        self._connection: AbstractRobustConnection | None = None
        self._publishing: tuple[AbstractChannel, AbstractExchange] | None = None
        self._publishing_lock = asyncio.Lock()
        self._consumers: dict[str, RabbitWorkerConsumer] = {}
        self._publishes_retried = 0

    async def connect(self) -> None:
        if self._connection is not None and not self._connection.is_closed:
            return
        name = self._connection_name or "culdesac"
        try:
            self._connection = await connect_robust_to_any(self._nodes, client_properties(name))
        except BROKER_FAILURES as error:
            raise QueueUnavailableError(
                f"cannot connect to RabbitMQ: {failure_summary(error)}"
            ) from error

    async def close(self) -> None:
        try:
            await self.stop_consuming()
        finally:
            connection, self._connection, self._publishing = self._connection, None, None
            await self._admin.close()
            if connection is not None:
                with suppress(*BROKER_FAILURES):
                    await connection.close()

    async def is_healthy(self) -> bool:
        connection = self._connection
        if connection is None or connection.is_closed or not connection.connected.is_set():
            return False
        return await self._admin.is_healthy()

    async def declare_topology(self, workers: Sequence[WorkerTopology]) -> None:
        self._connected()
        await self._admin.declare_topology(workers)

    async def migrate_topology(self, workers: Sequence[WorkerTopology]) -> list[str]:
        """Move each queue held with other arguments into the topology's, messages included.

        E.g. a classic queue of an older version; then the topology is declared.

        For a stopped system (no worker, no ingress). Returns the names of the moved queues.
        """
        self._connected()
        return await self._admin.migrate_topology(workers)

    def queue_names(self, workers: Sequence[WorkerTopology]) -> list[str]:
        """Every queue the topology of ``workers`` declares, worker by worker."""
        return [
            name
            for topology in workers
            for name in queue_arguments(self._names, self._retry_tiers, topology.worker)
        ]

    async def delete_topology(self, workers: Sequence[WorkerTopology]) -> None:
        """Delete the workers' queues, and the exchange once no queue is bound to it.

        Retry queues are found by this broker's delay tiers; those of other tiers remain.
        """
        self._connected()
        await self._admin.delete_topology(workers)

    async def publish(self, message: OutgoingMessage) -> None:
        with traced_publish(self._tracing, message, self._names.exchange) as headers:
            await self._publish(message, headers)

    async def _publish(self, message: OutgoingMessage, headers: Mapping[str, Any]) -> None:
        amqp = amqp_message(
            message.body,
            message_id=message.message_id,
            correlation_id=message.correlation_id,
            content_type=message.content_type,
            headers=headers,
            timestamp=datetime.now(UTC),
        )
        started = time.monotonic()
        await self._publish_confirmed(amqp, message.routing_key)
        observed_publish(self._publish_observer, message.routing_key, started)

    @property
    def publishes_retried(self) -> int:
        """Publishes asked again because their confirm was lost (a node or connection gone)."""
        return self._publishes_retried

    async def _publish_copy(self, amqp: aio_pika.Message, queue: str) -> None:
        """Store ``amqp`` straight into ``queue`` (the default exchange), confirmed, as publish."""
        await self._publish_confirmed(amqp, queue, to_queue=True)

    async def _publish_confirmed(
        self, amqp: aio_pika.Message, routing_key: str, *, to_queue: bool = False
    ) -> None:
        """Publish until a live node confirms, within ``CONFIRM_TIMEOUT_SECONDS``.

        To the events exchange, or with ``to_queue`` straight into the queue ``routing_key``.

        A confirm lost with its connection says nothing of whether the node stored the message:
        it is published again when the connection is back (on another node of a cluster) within
        ``REPUBLISH_PATIENCE_SECONDS``; a broker away for longer is ``QueueUnavailableError``.
        Consumers are idempotent, so a message stored twice is processed once in effect. What
        RabbitMQ refuses on a live channel (no such exchange, a nack) is not asked again here:
        the caller decides (the ingress answers 503, a worker retries the delivery later).

        Whatever failed, the channel is not published on again. On RabbitMQ 3.10 a channel
        whose publish to a quorum queue (``reject-publish`` overflow) was nacked while the
        queue's leader was being elected again, a node gone, had every later publish nacked
        (for 40 s and more, until the node came back), while a fresh channel published at once.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + CONFIRM_TIMEOUT_SECONDS
        while True:
            channel: AbstractChannel | None = None
            try:
                async with asyncio.timeout_at(deadline):
                    channel, exchange = await self._exchange()
                    target = channel.default_exchange if to_queue else exchange
                    await target.publish(amqp, routing_key, mandatory=True)
            except PublishError as returned:
                raise UnroutableMessageError(routing_key) from returned
            except BROKER_FAILURES as error:
                if channel is not None:
                    await self._abandon(channel)
                connection = self._connection
                patience = min(deadline, loop.time() + REPUBLISH_PATIENCE_SECONDS)
                if (
                    isinstance(error, _REFUSALS)
                    or connection is None
                    or connection.is_closed
                    or not await _reconnected(connection, patience)
                ):
                    raise QueueUnavailableError(
                        f"RabbitMQ did not confirm message {amqp.message_id}: "
                        f"{failure_summary(error)}"
                    ) from error
                if channel is not None:
                    self._publishes_retried += 1
                    logger.warning(
                        "publish of message %s not confirmed (%s); published again",
                        amqp.message_id,
                        type(error).__name__,
                    )
            else:
                return

    def listen(self, worker: str, routing_key: str, handler: MessageHandler) -> None:
        self._handlers.add(worker, routing_key, handler)

    def listen_batch(self, worker: str, routing_key: str, handler: BatchHandler) -> None:
        self._handlers.add_batch(worker, routing_key, handler)

    async def start_consuming(self) -> None:
        connection = self._connected()
        for worker in self._handlers.workers():
            if worker in self._consumers:
                continue
            consumer = RabbitWorkerConsumer(
                worker,
                self._names,
                self._retry_tiers,
                self._dispatcher,
                self._batching,
                copy_elsewhere=self._publish_copy,
            )
            try:
                await consumer.start(connection, self._prefetch)
            except BROKER_FAILURES as error:
                await consumer.stop()
                raise QueueUnavailableError(
                    f"cannot consume {self._names.worker(worker)!r}: {failure_summary(error)}"
                ) from error
            self._consumers[worker] = consumer

    async def stop_consuming(self) -> None:
        consumers = list(self._consumers.values())
        self._consumers.clear()
        await asyncio.gather(*(consumer.stop() for consumer in consumers))

    async def count_messages(self, worker: str) -> Mapping[str, int]:
        self._connected()
        return await self._admin.count_messages(worker)

    async def list_dead_letters(
        self, worker: str, progress: Callable[[], None] | None = None
    ) -> Sequence[DeadLetteredMessage]:
        self._connected()
        return await self._admin.list_dead_letters(worker, progress)

    async def replay_dead_letters(
        self,
        worker: str,
        message_ids: Sequence[str] | None,
        progress: Callable[[], None] | None = None,
    ) -> int:
        self._connected()
        return await self._admin.replay_dead_letters(worker, message_ids, progress)

    async def purge_dead_letters(self, worker: str) -> int:
        self._connected()
        return await self._admin.purge_dead_letters(worker)

    async def _exchange(self) -> tuple[AbstractChannel, AbstractExchange]:
        """The exchange on a confirming channel of the live connection, opened when needed.

        The channel is a plain one that the robust connection does not restore: a reconnect
        closes it with its transport, and the next publish opens another on the node the
        connection reached. (A restored publishing channel was seen to come back with its
        publish lock held by no one, every publish on it waiting out its confirm deadline.)
        """
        connection = self._connected()
        if not connection.connected.is_set():
            # Not a channel on a transport being replaced: the caller waits for the reconnect.
            raise ConnectionError("the connection to RabbitMQ is being restored")
        async with self._publishing_lock:
            publishing = self._publishing
            if publishing is None or publishing[0].is_closed:
                channel = aio_pika.Channel(
                    connection, publisher_confirms=True, on_return_raises=True
                )
                await channel.initialize()
                exchange = await channel.get_exchange(self._names.exchange, ensure=False)
                publishing = self._publishing = (channel, exchange)
            return publishing

    async def _abandon(self, channel: AbstractChannel) -> None:
        """Stop publishing on ``channel``, which lost or never answered a confirm.

        The next publish opens a fresh channel, whatever state this one is left in.
        """
        if self._publishing is not None and self._publishing[0] is channel:
            self._publishing = None
        if not channel.is_closed:
            with suppress(*BROKER_FAILURES):
                async with asyncio.timeout(ABANDON_SECONDS):
                    await channel.close()

    def _connected(self) -> AbstractRobustConnection:
        if self._connection is None:
            raise QueueUnavailableError("the RabbitMQ queue broker is not connected")
        return self._connection


async def _reconnected(connection: AbstractRobustConnection, patience: float) -> bool:
    """Whether the robust connection is back (its channels restored) before ``patience``."""
    try:
        async with asyncio.timeout_at(patience):
            await asyncio.sleep(REPUBLISH_PAUSE_SECONDS)
            await connection.connected.wait()
    except TimeoutError:
        return False
    return True
