"""An in-process queue broker that behaves as the RabbitMQ one does, for tests and the demo."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from brokers.queues.batches import BatchCollector, Batching
from brokers.queues.delivery import (
    Dispatcher,
    HandlerRegistry,
    Outcome,
    attempt_of,
    observed_publish,
    text_header,
    traced_publish,
)
from brokers.queues.memory_queues import MemoryEnvelope, MemoryQueue
from brokers.queues.memory_server import MemoryServer
from brokers.queues.messages import (
    ROUTING_KEY_HEADER,
    BatchHandler,
    DeadLetteredMessage,
    DeliveryHooks,
    IncomingMessage,
    MessageHandler,
    OutgoingMessage,
    PublishObserver,
)
from brokers.queues.queue_broker import QueueUnavailableError, WorkerTopology
from brokers.queues.topology import QueueNames, retry_tiers
from brokers.tracings import TracingBroker

logger = logging.getLogger(__name__)

Delivered = tuple[IncomingMessage, MemoryQueue, MemoryEnvelope]


class MemoryQueueBroker:
    """The queue broker's contract in memory: one instance is the server and its clients.

    Queues and their messages outlive ``close``; a later ``connect`` finds them again, as a
    RabbitMQ client finds its durable queues.
    """

    def __init__(
        self,
        namespace: str,
        *,
        prefetch: int = 32,
        retry_delays: Sequence[float] = (1.0, 5.0, 30.0),
        hooks: DeliveryHooks | None = None,
        publish_observer: PublishObserver | None = None,
        tracing: TracingBroker | None = None,
        batching: Batching | None = None,
    ) -> None:
        self._publish_observer = publish_observer
        self._tracing = tracing
        self._batching = batching or Batching()
        self._batches: dict[str, BatchCollector[Delivered]] = {}
        self._names = QueueNames(namespace)
        self._prefetch = prefetch
        self._retry_tiers = retry_tiers(retry_delays)
        self._handlers = HandlerRegistry()
        self._dispatcher = Dispatcher(self._handlers, hooks, self._retry_tiers[0], tracing)
        self._server = MemoryServer(self._names, self._retry_tiers)
        self._consumers: dict[str, asyncio.Task[None]] = {}
        self._in_flight: set[asyncio.Task[None]] = set()

    async def connect(self) -> None:
        self._server.connected = True

    async def close(self) -> None:
        try:
            await self.stop_consuming()
        finally:
            self._server.connected = False

    async def is_healthy(self) -> bool:
        return self._server.connected

    async def declare_topology(self, workers: Sequence[WorkerTopology]) -> None:
        self._server.declare_topology(workers)

    async def delete_topology(self, workers: Sequence[WorkerTopology]) -> None:
        """Remove the workers' queues, and the exchange once no queue is bound to it."""
        self._server.delete_topology(workers)

    async def publish(self, message: OutgoingMessage) -> None:
        with traced_publish(self._tracing, message, self._names.exchange) as headers:
            self._publish(message, headers)

    def _publish(self, message: OutgoingMessage, headers: Mapping[str, Any]) -> None:
        started = time.monotonic()
        self._server.publish(message, headers)
        observed_publish(self._publish_observer, message.routing_key, started)

    def listen(self, worker: str, routing_key: str, handler: MessageHandler) -> None:
        self._handlers.add(worker, routing_key, handler)

    def listen_batch(self, worker: str, routing_key: str, handler: BatchHandler) -> None:
        self._handlers.add_batch(worker, routing_key, handler)

    async def start_consuming(self) -> None:
        self._server.ensure_connected()
        for worker in self._handlers.workers():
            if worker not in self._consumers:
                queue = self._server.queue(self._names.worker(worker))
                self._consumers[worker] = asyncio.create_task(
                    self._consume(worker, queue), name=f"consume {queue.name}"
                )

    async def stop_consuming(self) -> None:
        consumers = list(self._consumers.values())
        self._consumers.clear()
        for consumer in consumers:
            consumer.cancel()
        batches, self._batches = self._batches, {}
        try:
            await asyncio.gather(*consumers, return_exceptions=True)
            for collector in batches.values():
                await collector.drain()
            if self._in_flight:
                await asyncio.wait(set(self._in_flight))
        except asyncio.CancelledError:
            # Told not to wait: what is still in flight goes back to its queue, unsettled.
            for worker, collector in batches.items():
                for _, queue, envelope in collector.drop_waiting():
                    self._return_unsettled(worker, queue, envelope)
            pending = list(self._all_in_flight(batches))
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            raise

    async def count_messages(self, worker: str) -> Mapping[str, int]:
        return self._server.count_messages(worker)

    async def list_dead_letters(
        self, worker: str, progress: Callable[[], None] | None = None
    ) -> Sequence[DeadLetteredMessage]:
        return self._server.list_dead_letters(worker, progress)

    async def replay_dead_letters(
        self,
        worker: str,
        message_ids: Sequence[str] | None,
        progress: Callable[[], None] | None = None,
    ) -> int:
        return self._server.replay_dead_letters(worker, message_ids, progress)

    async def purge_dead_letters(self, worker: str) -> int:
        return self._server.purge_dead_letters(worker)

    def _all_in_flight(
        self, batches: Mapping[str, BatchCollector[Delivered]]
    ) -> set[asyncio.Task[None]]:
        return {*self._in_flight, *(task for c in batches.values() for task in c.in_flight)}

    async def _consume(self, worker: str, queue: MemoryQueue) -> None:
        slots = asyncio.Semaphore(self._prefetch)

        async def handle_batch(batch: list[Delivered]) -> None:
            try:
                await self._deliver_batch(worker, queue, batch)
            finally:
                for _ in batch:
                    slots.release()

        batches = BatchCollector(self._batching, self._prefetch, handle_batch)
        self._batches[worker] = batches
        while True:
            await slots.acquire()
            envelope = await queue.get()
            message = self._message_of(queue, envelope)
            if self._dispatcher.is_batched(worker, message.routing_key):
                batches.add(message.routing_key, (message, queue, envelope))
                continue
            task = asyncio.create_task(self._deliver(worker, queue, envelope, message))
            self._in_flight.add(task)
            task.add_done_callback(self._in_flight.discard)
            task.add_done_callback(lambda _: slots.release())

    async def _deliver_batch(self, worker: str, queue: MemoryQueue, batch: list[Delivered]) -> None:
        messages = [message for message, _, _ in batch]
        with self._dispatcher.traced_batch(messages) as resumed:
            try:
                outcomes = await self._dispatcher.dispatch_batch(worker, messages)
            except asyncio.CancelledError:
                for _, _, envelope in batch:
                    self._return_unsettled(worker, queue, envelope)
                raise
            for index, ((message, _, envelope), outcome) in enumerate(
                zip(batch, outcomes, strict=True)
            ):
                with resumed(index):
                    self._settle_outcome(worker, queue, envelope, message, outcome)

    def _message_of(self, queue: MemoryQueue, envelope: MemoryEnvelope) -> IncomingMessage:
        return IncomingMessage(
            queue=queue.name,
            routing_key=text_header(envelope.headers, ROUTING_KEY_HEADER) or envelope.routing_key,
            body=envelope.body,
            message_id=envelope.message_id,
            correlation_id=envelope.correlation_id,
            content_type=envelope.content_type,
            headers=dict(envelope.headers),
            redelivered=envelope.redelivered,
            attempt=attempt_of(envelope.headers),
        )

    async def _deliver(
        self, worker: str, queue: MemoryQueue, envelope: MemoryEnvelope, message: IncomingMessage
    ) -> None:
        with self._dispatcher.traced(message):
            try:
                outcome = await self._dispatcher.dispatch(worker, message)
            except asyncio.CancelledError:
                self._return_unsettled(worker, queue, envelope)
                raise
            self._settle_outcome(worker, queue, envelope, message, outcome)

    def _settle_outcome(
        self,
        worker: str,
        queue: MemoryQueue,
        envelope: MemoryEnvelope,
        message: IncomingMessage,
        outcome: Outcome,
    ) -> None:
        try:
            self._server.settle(worker, message, envelope, outcome.settlement)
        except QueueUnavailableError as error:
            logger.warning("could not settle message %s: %s", message.message_id, error)
            self._return_unsettled(worker, queue, envelope)
            return
        self._dispatcher.settled(message, outcome)

    def _return_unsettled(self, worker: str, queue: MemoryQueue, envelope: MemoryEnvelope) -> None:
        self._server.return_unsettled(worker, queue, envelope)
