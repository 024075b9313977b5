"""Plain AMQP clients the scenarios use next to the product: readers and troublemakers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

import aio_pika
from aio_pika.abc import (
    AbstractChannel,
    AbstractExchange,
    AbstractIncomingMessage,
    AbstractRobustConnection,
)

from tests.faults.stack import WORKER_NAMES

REASON_HEADER = "x-culdesac-reason"
CATEGORY_HEADER = "x-culdesac-category"
ATTEMPT_HEADER = "x-culdesac-attempt"
DUPLICATE_HEADER = "x-faults-duplicate"


@dataclass(frozen=True)
class DeadLetterSeen:
    worker: str
    message_id: str | None
    routing_key: str
    reason: str
    category: str
    attempt: str


class RawMessage(Protocol):
    @property
    def routing_key(self) -> str: ...
    @property
    def message_id(self) -> str: ...
    @property
    def body(self) -> bytes: ...
    @property
    def headers(self) -> Mapping[str, Any]: ...


@asynccontextmanager
async def amqp_channel(url: str) -> AsyncIterator[AbstractChannel]:
    connection = await aio_pika.connect(url)
    try:
        yield await connection.channel(publisher_confirms=True, on_return_raises=True)
    finally:
        await connection.close()


async def dead_letters(url: str, namespace: str) -> list[DeadLetterSeen]:
    """Every message in the namespace's dead-letter queues, left where it is."""
    seen: list[DeadLetterSeen] = []
    async with amqp_channel(url) as channel:
        for worker in WORKER_NAMES:
            queue = await channel.declare_queue(f"{namespace}.{worker}.dead", passive=True)
            held: list[AbstractIncomingMessage] = []
            while (message := await queue.get(no_ack=False, fail=False)) is not None:
                held.append(message)
            seen.extend(dead_letter_seen(worker, message) for message in held)
            for message in held:
                await message.nack(requeue=True)
    return seen


def dead_letter_seen(worker: str, message: AbstractIncomingMessage) -> DeadLetterSeen:
    def text(name: str) -> str:
        value = message.headers.get(name)
        return value.decode() if isinstance(value, bytes) else str(value or "")

    return DeadLetterSeen(
        worker=worker,
        message_id=message.message_id,
        routing_key=text("x-culdesac-routing-key") or (message.routing_key or ""),
        reason=text(REASON_HEADER),
        category=text(CATEGORY_HEADER),
        attempt=text(ATTEMPT_HEADER),
    )


@dataclass
class Duplicator:
    """Publishes every event it sees a second time: same body, same id, same properties.

    Its own queue is bound to the concern types; the copies carry a header so that, routed back
    to that queue too, they are recognised and not copied again. This is what a publisher does
    that retries after losing a confirm: the same event, twice, moments apart.
    """

    duplicated: set[str] = field(default_factory=set)
    copies: int = 0
    errors: list[str] = field(default_factory=list)

    async def on_message(
        self, exchange: AbstractExchange, message: AbstractIncomingMessage
    ) -> None:
        if message.headers.get(DUPLICATE_HEADER):
            await message.ack()
            return
        try:
            await exchange.publish(
                aio_pika.Message(
                    message.body,
                    message_id=message.message_id,
                    correlation_id=message.correlation_id,
                    content_type=message.content_type,
                    headers={**message.headers, DUPLICATE_HEADER: True},
                    timestamp=message.timestamp,
                    delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                ),
                message.routing_key or "",
                mandatory=True,
            )
        except Exception as error:  # noqa: BLE001 - reported by the scenario, not swallowed
            self.errors.append(repr(error))
            await message.nack(requeue=True)
            return
        self.copies += 1
        self.duplicated.add(message.message_id or "")
        await message.ack()


@asynccontextmanager
async def duplicating(
    url: str, namespace: str, event_types: Sequence[str]
) -> AsyncIterator[Duplicator]:
    """Duplicate every event of ``event_types`` published in the namespace while inside."""
    duplicator = Duplicator()
    connection: AbstractRobustConnection = await aio_pika.connect_robust(url)
    try:
        channel = await connection.channel(publisher_confirms=True, on_return_raises=True)
        await channel.set_qos(prefetch_count=64)
        exchange = await channel.get_exchange(f"{namespace}.events", ensure=False)
        queue = await channel.declare_queue(f"{namespace}.faults-duplicator", exclusive=True)
        for event_type in event_types:
            await queue.bind(exchange, routing_key=event_type)

        async def on_message(message: AbstractIncomingMessage) -> None:
            await duplicator.on_message(exchange, message)

        await queue.consume(on_message)
        yield duplicator
    finally:
        await connection.close()


async def publish_raw(url: str, namespace: str, messages: Sequence[RawMessage]) -> None:
    """Publish each message to the namespace's exchange, confirmed, as any client could."""
    async with amqp_channel(url) as channel:
        exchange = await channel.get_exchange(f"{namespace}.events", ensure=False)
        await asyncio.gather(
            *(
                exchange.publish(
                    aio_pika.Message(
                        message.body,
                        message_id=message.message_id,
                        content_type="application/cloudevents+json",
                        headers=dict(message.headers),
                        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                    ),
                    message.routing_key,
                    mandatory=True,
                )
                for message in messages
            )
        )
