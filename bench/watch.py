"""Completion watched from outside: a private queue bound to every event on the exchange.

The watcher reads what the system publishes anyway (each concern's ``<concern>.persisted.v1`` or
``<concern>.failed.v1``), so it adds one queue copy per message in RabbitMQ and nothing in the
storage. It also counts every message routed through the exchange, by type.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

import aio_pika
from aio_pika.abc import AbstractIncomingMessage

OUTCOME_SUFFIXES = (".persisted.v1", ".failed.v1")


class Watcher:
    def __init__(self, amqp_url: str, exchange_name: str) -> None:
        self.amqp_url = amqp_url
        self.exchange_name = exchange_name
        self.messages: Counter[str] = Counter()
        self.failed = 0
        # correlation id (or "" for none) → (concern, entity id) → first time seen.
        self.outcomes: dict[str, dict[tuple[str, str], float]] = {}
        self._changed = asyncio.Event()
        self._connection: aio_pika.abc.AbstractConnection | None = None

    async def __aenter__(self) -> Self:
        self._connection = await aio_pika.connect(self.amqp_url)
        channel = await self._connection.channel()
        await channel.set_qos(prefetch_count=2000)
        exchange = await channel.declare_exchange(
            self.exchange_name, aio_pika.ExchangeType.TOPIC, durable=True
        )
        queue = await channel.declare_queue(exclusive=True, auto_delete=True)
        await queue.bind(exchange, routing_key="#")
        await queue.consume(self._seen, no_ack=True)
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._connection is not None:
            await self._connection.close()

    async def _seen(self, message: AbstractIncomingMessage) -> None:
        routing_key = message.routing_key or ""
        self.messages[routing_key] += 1
        if routing_key.endswith(OUTCOME_SUFFIXES):
            event: dict[str, Any] = json.loads(message.body)
            data = event.get("data", {})
            outcomes = self.outcomes.setdefault(event.get("correlationid") or "", {})
            key = (str(data.get("concern")), str(data.get("entity_id")))
            if key not in outcomes:
                outcomes[key] = time.monotonic()
                self.failed += routing_key.endswith(".failed.v1")
            self._changed.set()

    def reset(self) -> None:
        self.messages.clear()
        self.outcomes.clear()
        self.failed = 0

    def outcomes_of(self, correlation_id: str) -> dict[tuple[str, str], float]:
        return self.outcomes.get(correlation_id, {})

    def completed_at(self, correlation_id: str, expected: int) -> float | None:
        """When the last of ``expected`` outcomes of a registration arrived, once all have."""
        outcomes = self.outcomes_of(correlation_id)
        return max(outcomes.values()) if len(outcomes) >= expected else None

    async def until(self, done: Callable[[], bool], patience_seconds: float) -> None:
        """Wait, without asking the system anything, until ``done()`` holds; else TimeoutError."""
        deadline = time.monotonic() + patience_seconds
        while not done():
            self._changed.clear()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            try:
                await asyncio.wait_for(self._changed.wait(), timeout=min(remaining, 1.0))
            except TimeoutError:
                continue
