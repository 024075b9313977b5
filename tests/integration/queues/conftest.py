"""One connected queue broker per test, in-memory or RabbitMQ, in the test's own namespace."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any, Protocol

import pytest

from brokers.queues import (
    IncomingMessage,
    MemoryQueueBroker,
    OutgoingMessage,
    QueueBroker,
    RabbitQueueBroker,
    Settlement,
    WorkerTopology,
)
from brokers.queues.batches import Batching
from brokers.queues.messages import DeliveryHooks
from brokers.tracings import TracingBroker

# Short tiers keep retry tests fast; two of them show which tier a delay picks.
RETRY_DELAYS = (0.2, 0.5)

STUDENTS = WorkerTopology("student", ["student.registered.v1", "student.updated.v1"])
ONE_WORD = WorkerTopology("one-word", ["student.*.v1"])
ANY_WORDS = WorkerTopology("any-words", ["student.#", "#.audited"])
WORKERS = (STUDENTS, ONE_WORD, ANY_WORDS)


class CleanableQueueBroker(QueueBroker, Protocol):
    async def delete_topology(self, workers: Sequence[WorkerTopology]) -> None: ...


class BrokerFactory(Protocol):
    def __call__(
        self,
        *,
        prefetch: int = 32,
        hooks: DeliveryHooks | None = None,
        tracing: TracingBroker | None = None,
        batching: Batching | None = None,
    ) -> Awaitable[CleanableQueueBroker]: ...


@pytest.fixture(params=["memory", "rabbitmq"])
async def make_broker(
    request: pytest.FixtureRequest, namespace: str
) -> AsyncIterator[BrokerFactory]:
    """Connected brokers of one kind; closed, and their topology removed, afterwards."""
    created: list[CleanableQueueBroker] = []
    url = request.getfixturevalue("amqp_url") if request.param == "rabbitmq" else ""

    async def make(
        *,
        prefetch: int = 32,
        hooks: DeliveryHooks | None = None,
        tracing: TracingBroker | None = None,
        batching: Batching | None = None,
    ) -> CleanableQueueBroker:
        broker: CleanableQueueBroker
        if request.param == "memory":
            broker = MemoryQueueBroker(
                namespace,
                prefetch=prefetch,
                retry_delays=RETRY_DELAYS,
                hooks=hooks,
                tracing=tracing,
                batching=batching,
            )
        else:
            broker = RabbitQueueBroker(
                url,
                namespace,
                prefetch=prefetch,
                retry_delays=RETRY_DELAYS,
                hooks=hooks,
                connection_name=f"culdesac tests {namespace}",
                tracing=tracing,
                batching=batching,
            )
        await broker.connect()
        created.append(broker)
        return broker

    yield make

    try:
        for broker in created:
            await asyncio.wait_for(broker.close(), timeout=10)
    finally:
        if created:
            cleaner = created[0]
            await cleaner.connect()
            await cleaner.delete_topology(WORKERS)
            await cleaner.close()


@pytest.fixture
async def broker(make_broker: BrokerFactory) -> CleanableQueueBroker:
    return await make_broker()


def outgoing(
    routing_key: str,
    *,
    body: bytes | None = None,
    headers: Mapping[str, Any] | None = None,
    correlation_id: str | None = None,
) -> OutgoingMessage:
    message_id = str(uuid.uuid4())
    return OutgoingMessage(
        routing_key=routing_key,
        body=body if body is not None else json.dumps({"id": message_id}).encode(),
        message_id=message_id,
        correlation_id=correlation_id or str(uuid.uuid4()),
        headers=headers or {},
    )


@dataclass
class RecordingHandler:
    """Records every message and settles them all the same way (None acks)."""

    settlement: Settlement | None = None
    messages: list[IncomingMessage] = field(default_factory=list)

    async def __call__(self, message: IncomingMessage) -> Settlement | None:
        self.messages.append(message)
        return self.settlement

    def ids(self) -> list[str | None]:
        return [message.message_id for message in self.messages]


@dataclass
class RecordingHooks:
    """Delivery hooks that settle every failure with ``decision`` and note every call."""

    decision: Settlement
    decided: list[tuple[IncomingMessage, Exception]] = field(default_factory=list)
    settled_calls: list[tuple[IncomingMessage, Settlement, float, Exception | None]] = field(
        default_factory=list
    )

    handled: list[str | None] = field(default_factory=list)

    def decide(self, message: IncomingMessage, error: Exception) -> Settlement:
        self.decided.append((message, error))
        return self.decision

    def handling(self, message: IncomingMessage) -> AbstractContextManager[object]:
        self.handled.append(message.message_id)
        return nullcontext()

    def settled(
        self,
        message: IncomingMessage,
        settlement: Settlement,
        duration_seconds: float,
        error: Exception | None,
    ) -> None:
        self.settled_calls.append((message, settlement, duration_seconds, error))


def counts_are(
    broker: QueueBroker, worker: str, *, queue: int, dead: int
) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return await broker.count_messages(worker) == {"queue": queue, "dead": dead}

    return check
