"""Deliveries gathered into batches for batch handlers, alike in every queue broker."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

DeliveryT = TypeVar("DeliveryT")


@dataclass(frozen=True, slots=True)
class Batching:
    """How a consuming broker gathers deliveries for batch handlers.

    At most ``size`` a batch; at most ``concurrency`` batches of a queue handled at once; a
    delivery waits at most ``linger`` seconds for others while earlier batches are handled.
    """

    size: int = 100
    linger: float = 0.005
    concurrency: int = 2


class BatchCollector(Generic[DeliveryT]):
    """Gathers one queue's deliveries into batches per routing key, and hands each over.

    A delivery that comes while nothing of the queue is being handled goes on the next turn of
    the event loop, with whatever arrived in the same read: a batch of one costs no waiting.
    While batches are being handled, deliveries gather (a group commit): for up to ``linger``
    seconds, until ``size`` of them wait, or until every delivery the prefetch allows is here;
    once ``concurrency`` batches are in flight, the next one starts as soon as one of them ends.
    """

    def __init__(
        self,
        batching: Batching,
        prefetch: int,
        hand_over: Callable[[list[DeliveryT]], Awaitable[None]],
    ) -> None:
        self._size = max(1, batching.size)
        self._linger = max(0.0, batching.linger)
        self._concurrency = max(1, batching.concurrency)
        self._prefetch = prefetch
        self._hand_over = hand_over
        self._waiting: dict[str, list[DeliveryT]] = {}
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._handling = 0
        self._draining = False
        self.in_flight: set[asyncio.Task[None]] = set()

    def add(self, routing_key: str, delivery: DeliveryT) -> None:
        waiting = self._waiting.setdefault(routing_key, [])
        waiting.append(delivery)
        if len(waiting) >= self._size or self._unsettled() >= self._prefetch:
            self._flush(routing_key)
        elif routing_key not in self._timers:
            delay = self._linger if self.in_flight else 0.0
            self._timers[routing_key] = asyncio.get_running_loop().call_later(
                delay, self._flush, routing_key
            )

    async def drain(self) -> None:
        """Hand over everything waiting, at once, and wait until every batch is settled."""
        self._draining = True
        while self._waiting or self.in_flight:
            for routing_key in list(self._waiting):
                self._flush(routing_key)
            if self.in_flight:
                await asyncio.wait(set(self.in_flight))

    def drop_waiting(self) -> list[DeliveryT]:
        """Forget the deliveries not handed over yet, and return them to be put back."""
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        dropped = [delivery for waiting in self._waiting.values() for delivery in waiting]
        self._waiting.clear()
        return dropped

    def _flush(self, routing_key: str) -> None:
        timer = self._timers.pop(routing_key, None)
        if timer is not None:
            timer.cancel()
        if len(self.in_flight) >= self._concurrency and not self._draining:
            return  # the next batch starts when one in flight ends
        waiting = self._waiting.pop(routing_key, [])
        batch, rest = waiting[: self._size], waiting[self._size :]
        if rest:
            self._waiting[routing_key] = rest
        if not batch:
            return
        self._handling += len(batch)
        task = asyncio.create_task(self._handle(batch))
        self.in_flight.add(task)
        task.add_done_callback(self._ended)

    async def _handle(self, batch: list[DeliveryT]) -> None:
        try:
            await self._hand_over(batch)
        finally:
            self._handling -= len(batch)

    def _ended(self, task: asyncio.Task[None]) -> None:
        self.in_flight.discard(task)
        # What gathered while the batch was handled has waited long enough.
        for routing_key in list(self._waiting):
            if len(self.in_flight) < self._concurrency:
                self._flush(routing_key)

    def _unsettled(self) -> int:
        return self._handling + sum(len(waiting) for waiting in self._waiting.values())
