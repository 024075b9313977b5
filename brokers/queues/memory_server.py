"""The in-memory broker's server side: the exchange, its bindings and queues, and settling."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from brokers.queues.delivery import dead_letter_headers, replay_headers, retry_headers, text_header
from brokers.queues.memory_queues import MemoryEnvelope, MemoryQueue, topic_matches
from brokers.queues.messages import (
    ROUTING_KEY_HEADER,
    DeadLetter,
    DeadLetteredMessage,
    IncomingMessage,
    OutgoingMessage,
    RetryLater,
    Settlement,
)
from brokers.queues.queue_broker import (
    QueueUnavailableError,
    UnroutableMessageError,
    WorkerTopology,
)
from brokers.queues.topology import DELIVERY_LIMIT, QueueNames, retry_tier_for


class MemoryServer:
    """What a RabbitMQ server keeps for a namespace: reachable only while connected."""

    def __init__(self, names: QueueNames, retry_tiers: Sequence[float]) -> None:
        self._names = names
        self._retry_tiers = retry_tiers
        self._exchange_declared = False
        self._bindings: dict[str, tuple[str, ...]] = {}
        self._queues: dict[str, MemoryQueue] = {}
        self.connected = False

    def declare_topology(self, workers: Sequence[WorkerTopology]) -> None:
        self.ensure_connected()
        self._exchange_declared = True
        for topology in workers:
            for name in self._queue_names(topology.worker):
                self._queues.setdefault(name, MemoryQueue(name))
            queue = self._names.worker(topology.worker)
            known = self._bindings.get(queue, ())
            self._bindings[queue] = tuple(dict.fromkeys([*known, *topology.binding_keys]))

    def delete_topology(self, workers: Sequence[WorkerTopology]) -> None:
        for topology in workers:
            self._bindings.pop(self._names.worker(topology.worker), None)
            for name in self._queue_names(topology.worker):
                self._queues.pop(name, None)
        if not self._bindings:
            self._exchange_declared = False

    def publish(self, message: OutgoingMessage, headers: Mapping[str, Any]) -> None:
        self.ensure_connected()
        if not self._exchange_declared:
            raise QueueUnavailableError(f"exchange {self._names.exchange!r} does not exist")
        targets = [
            queue
            for queue, binding_keys in self._bindings.items()
            if any(topic_matches(key, message.routing_key) for key in binding_keys)
        ]
        if not targets:
            raise UnroutableMessageError(message.routing_key)
        for queue in targets:
            self._queues[queue].put(
                MemoryEnvelope(
                    routing_key=message.routing_key,
                    body=message.body,
                    message_id=message.message_id,
                    correlation_id=message.correlation_id,
                    content_type=message.content_type,
                    headers=dict(headers),
                )
            )

    def count_messages(self, worker: str) -> Mapping[str, int]:
        return {
            "queue": len(self.queue(self._names.worker(worker))),
            "dead": len(self.queue(self._names.dead(worker))),
        }

    def list_dead_letters(
        self, worker: str, progress: Callable[[], None] | None = None
    ) -> Sequence[DeadLetteredMessage]:
        listed = []
        for envelope in self.queue(self._names.dead(worker)):
            listed.append(self._dead_lettered(worker, envelope))
            if progress is not None:
                progress()
        return listed

    def replay_dead_letters(
        self,
        worker: str,
        message_ids: Sequence[str] | None,
        progress: Callable[[], None] | None = None,
    ) -> int:
        dead = self.queue(self._names.dead(worker))
        queue = self.queue(self._names.worker(worker))
        wanted = None if message_ids is None else set(message_ids)
        moved = 0
        for envelope in list(dead):
            if progress is not None:
                progress()
            if wanted is not None and envelope.message_id not in wanted:
                continue
            routing_key = self._dead_lettered(worker, envelope).routing_key
            dead.remove(envelope)
            queue.put(envelope.copy(queue.name, replay_headers(envelope.headers, routing_key)))
            moved += 1
        return moved

    def purge_dead_letters(self, worker: str) -> int:
        return self.queue(self._names.dead(worker)).clear()

    def settle(
        self,
        worker: str,
        message: IncomingMessage,
        envelope: MemoryEnvelope,
        settlement: Settlement,
    ) -> None:
        if isinstance(settlement, RetryLater):
            tier = retry_tier_for(self._retry_tiers, settlement.delay_seconds)
            retry = self.queue(self._names.retry(worker, tier))
            copy = envelope.copy(retry.name, retry_headers(message))
            retry.put(copy)
            destination = self._names.worker(worker)
            asyncio.get_running_loop().call_later(tier, self._expire, retry, destination, copy)
        elif isinstance(settlement, DeadLetter):
            dead = self.queue(self._names.dead(worker))
            dead.put(envelope.copy(dead.name, dead_letter_headers(message, settlement, worker)))

    def _expire(self, retry: MemoryQueue, destination: str, envelope: MemoryEnvelope) -> None:
        """A retry's delay is over: dead-letter it back to its worker queue, if both remain."""
        queue = self._queues.get(destination)
        if retry.remove(envelope) and queue is not None:
            queue.put(envelope.copy(destination, envelope.headers))

    def return_unsettled(self, worker: str, queue: MemoryQueue, envelope: MemoryEnvelope) -> None:
        envelope.redelivered = True
        envelope.returns += 1
        if envelope.returns <= DELIVERY_LIMIT:
            queue.put_back(envelope)
        elif (dead := self._queues.get(self._names.dead(worker))) is not None:
            dead.put(envelope)

    def _dead_lettered(self, worker: str, envelope: MemoryEnvelope) -> DeadLetteredMessage:
        return DeadLetteredMessage(
            worker=worker,
            routing_key=text_header(envelope.headers, ROUTING_KEY_HEADER) or envelope.routing_key,
            body=envelope.body,
            message_id=envelope.message_id,
            correlation_id=envelope.correlation_id,
            headers=dict(envelope.headers),
        )

    def _queue_names(self, worker: str) -> list[str]:
        return [
            self._names.worker(worker),
            self._names.dead(worker),
            *(self._names.retry(worker, tier) for tier in self._retry_tiers),
        ]

    def queue(self, name: str) -> MemoryQueue:
        self.ensure_connected()
        queue = self._queues.get(name)
        if queue is None:
            raise QueueUnavailableError(f"queue {name!r} does not exist")
        return queue

    def ensure_connected(self) -> None:
        if not self.connected:
            raise QueueUnavailableError("the in-memory queue broker is not connected")
