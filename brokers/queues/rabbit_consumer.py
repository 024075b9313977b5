"""One worker queue consumed on a RabbitMQ channel of its own, each message settled as told."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractContextManager, suppress
from typing import Any

import aio_pika
from aio_pika.abc import (
    AbstractIncomingMessage,
    AbstractRobustChannel,
    AbstractRobustConnection,
    AbstractRobustQueue,
)
from aiormq.exceptions import DeliveryError

from brokers.queues.batches import BatchCollector, Batching
from brokers.queues.delivery import (
    Dispatcher,
    Outcome,
    dead_letter_headers,
    retry_headers,
)
from brokers.queues.messages import DeadLetter, IncomingMessage, RetryLater, Settlement
from brokers.queues.queue_broker import QueueUnavailableError
from brokers.queues.rabbit_failures import failure_summary
from brokers.queues.rabbit_messages import (
    BROKER_FAILURES,
    CONFIRM_TIMEOUT_SECONDS,
    amqp_message,
    incoming_message,
)
from brokers.queues.topology import QueueNames, retry_tier_for

logger = logging.getLogger(__name__)
# What can keep a delivery from being settled: RabbitMQ itself, or a copy stored elsewhere.
_SETTLEMENT_FAILURES: tuple[type[BaseException], ...] = (*BROKER_FAILURES, QueueUnavailableError)

Delivered = tuple[AbstractIncomingMessage, IncomingMessage]
# Publishes a message straight into a queue, confirmed; raises QueueUnavailableError.
CopyPublisher = Callable[[aio_pika.Message, str], Awaitable[None]]


class RabbitWorkerConsumer:
    """Consumes ``<ns>.<worker>``; handlers run concurrently, as many as the prefetch allows.

    The channel, queue and consumer are kept here (strongly referenced) so that the robust
    connection can restore the consumer after a reconnect.
    """

    def __init__(
        self,
        worker: str,
        names: QueueNames,
        retry_tiers: Sequence[float],
        dispatcher: Dispatcher,
        batching: Batching,
        *,
        copy_elsewhere: CopyPublisher,
    ) -> None:
        """``copy_elsewhere`` stores a retry or dead-letter copy on another confirming channel."""
        self._worker = worker
        self._names = names
        self._queue_name = names.worker(worker)
        self._retry_tiers = retry_tiers
        self._dispatcher = dispatcher
        self._channel: AbstractRobustChannel | None = None
        self._queue: AbstractRobustQueue | None = None
        self._consumer_tag: str | None = None
        self._accepting = False
        self._in_flight: set[asyncio.Task[None]] = set()
        self._batching = batching
        self._copy_elsewhere = copy_elsewhere
        self._batches: BatchCollector[Delivered] | None = None

    async def start(self, connection: AbstractRobustConnection, prefetch: int) -> None:
        self._batches = BatchCollector(self._batching, prefetch, self._handle_batch)
        self._channel = channel = await connection.channel(
            publisher_confirms=True, on_return_raises=True
        )
        await channel.set_qos(prefetch_count=prefetch)
        self._queue = await channel.declare_queue(self._queue_name, passive=True)
        self._accepting = True
        self._consumer_tag = await self._queue.consume(self._on_delivery)

    async def stop(self) -> None:
        """Take no more messages, let the handlers in flight settle, close the channel.

        When this wait is cancelled, the handlers are cancelled too and the channel closes with
        their messages unsettled: RabbitMQ delivers them again.
        """
        self._accepting = False
        try:
            await self._cancel_consumer()
            if self._batches is not None:
                await self._batches.drain()
            if self._in_flight:
                await asyncio.wait(set(self._in_flight))
        except asyncio.CancelledError:
            if self._batches is not None:
                self._batches.drop_waiting()
            pending = list(self._all_in_flight())
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            await self._close_channel()
            raise
        await self._close_channel()

    def _all_in_flight(self) -> set[asyncio.Task[None]]:
        batches = set() if self._batches is None else self._batches.in_flight
        return {*self._in_flight, *batches}

    async def _cancel_consumer(self) -> None:
        queue, tag = self._queue, self._consumer_tag
        self._consumer_tag = None
        if queue is not None and tag is not None:
            with suppress(*BROKER_FAILURES):
                await queue.cancel(tag)

    async def _close_channel(self) -> None:
        channel, self._channel, self._queue = self._channel, None, None
        if channel is not None:
            with suppress(*BROKER_FAILURES):
                await channel.close()

    async def _on_delivery(self, delivery: AbstractIncomingMessage) -> None:
        if not self._accepting:
            # Arrived while stopping: left unsettled, it goes back when the channel closes.
            return
        message = incoming_message(delivery, self._queue_name)
        if self._batches is not None and self._dispatcher.is_batched(
            self._worker, message.routing_key
        ):
            self._batches.add(message.routing_key, (delivery, message))
            return
        # A task of our own, not aio-pika's callback task: stopping waits for it, and a closing
        # channel does not cancel it halfway through a settlement.
        task = asyncio.create_task(self._handle(delivery, message))
        self._in_flight.add(task)
        task.add_done_callback(self._in_flight.discard)

    async def _handle(self, delivery: AbstractIncomingMessage, message: IncomingMessage) -> None:
        with self._dispatcher.traced(message):
            outcome = await self._dispatcher.dispatch(self._worker, message)
            await self._settle_outcome(delivery, message, outcome)

    async def _handle_batch(self, batch: list[Delivered]) -> None:
        messages = [message for _, message in batch]
        with self._dispatcher.traced_batch(messages) as resumed:
            outcomes = await self._dispatcher.dispatch_batch(self._worker, messages)
            await asyncio.gather(
                *(
                    self._settle_resumed(resumed(index), delivery, message, outcome)
                    for index, ((delivery, message), outcome) in enumerate(
                        zip(batch, outcomes, strict=True)
                    )
                )
            )

    async def _settle_resumed(
        self,
        resumed: AbstractContextManager[object],
        delivery: AbstractIncomingMessage,
        message: IncomingMessage,
        outcome: Outcome,
    ) -> None:
        with resumed:
            await self._settle_outcome(delivery, message, outcome)

    async def _settle_outcome(
        self, delivery: AbstractIncomingMessage, message: IncomingMessage, outcome: Outcome
    ) -> None:
        try:
            await self._settle(delivery, message, outcome.settlement)
        except _SETTLEMENT_FAILURES as error:
            logger.warning(
                "could not settle message %s from %s (%s); RabbitMQ will deliver it again",
                message.message_id,
                self._queue_name,
                failure_summary(error),
            )
            with suppress(*BROKER_FAILURES):
                await delivery.nack(requeue=True)
            return
        self._dispatcher.settled(message, outcome)

    async def _settle(
        self,
        delivery: AbstractIncomingMessage,
        message: IncomingMessage,
        settlement: Settlement,
    ) -> None:
        """Store the copy the settlement needs, confirmed, and only then ack the delivery."""
        if isinstance(settlement, RetryLater):
            tier = retry_tier_for(self._retry_tiers, settlement.delay_seconds)
            await self._store_copy(
                delivery, self._names.retry(self._worker, tier), retry_headers(message)
            )
        elif isinstance(settlement, DeadLetter):
            headers = dead_letter_headers(message, settlement, self._worker)
            await self._store_copy(delivery, self._names.dead(self._worker), headers)
        await delivery.ack()

    async def _store_copy(
        self, delivery: AbstractIncomingMessage, queue: str, headers: dict[str, Any]
    ) -> None:
        copy = amqp_message(
            delivery.body,
            message_id=delivery.message_id,
            correlation_id=delivery.correlation_id,
            content_type=delivery.content_type,
            headers=headers,
            timestamp=delivery.timestamp,
        )
        # On the channel that delivered the message: when that channel is gone, so is the
        # chance to ack, and storing a copy would only make a duplicate.
        try:
            await delivery.channel.basic_publish(
                copy.body,
                exchange="",
                routing_key=queue,
                properties=copy.properties,
                mandatory=True,
                timeout=CONFIRM_TIMEOUT_SECONDS,
            )
        except DeliveryError:
            # Nacked on a live channel. On RabbitMQ 3.10 a channel nacked while the queue
            # elected a new leader nacks every later publish to it, so this copy, and any
            # later one nacked the same way, goes on the broker's own publishing channel,
            # which is opened afresh after a nack.
            await self._copy_elsewhere(copy, queue)
