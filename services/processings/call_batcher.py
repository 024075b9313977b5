"""Concurrent single calls joined into batch calls: a group commit, written once."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

from services.try_catch import gather_each

Item = TypeVar("Item")
Result = TypeVar("Result")

BatchCall = Callable[[Sequence[Item]], Awaitable[Sequence[Result | Exception]]]

DEFAULT_BATCH_SIZE = 100


class MissingBatchAnswerError(Exception):
    """The batch call answered fewer items than it was given (a bug in the batch call)."""

    def __init__(self) -> None:
        super().__init__("the batch call gave no answer for this item")


class CallBatcher(Generic[Item, Result]):
    """Concurrent calls of one event loop, each with one item, sent as batch calls.

    A call made while no batch is out goes on the next turn of the event loop, together with
    every call made in the same turn: a batch of one waits for nothing. Calls made while a batch
    is out wait for it to return and then go out together, at most ``size`` in a batch.

    ``call_each`` answers every item in its place with a result or the error of that item alone;
    each caller gets its own item's answer, its error raised. An error that the batch call
    itself raised (the store is away) is raised to every caller of that batch. A caller
    cancelled while it waits leaves its item out; one cancelled while its batch is out leaves
    the batch to finish for the others.
    """

    def __init__(
        self, call_each: BatchCall[Item, Result], *, size: int = DEFAULT_BATCH_SIZE
    ) -> None:
        self._call_each = call_each
        self._size = max(1, size)
        self._waiting: deque[tuple[Item, asyncio.Future[Result]]] = deque()
        self._sending: asyncio.Task[None] | None = None

    async def call(self, item: Item) -> Result:
        """``item``'s answer from the next batch call; its error, raised, if it failed."""
        answer: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, answer))
        if self._sending is None:
            # A task of its own, so that no caller's cancellation cancels its neighbours' batch.
            self._sending = asyncio.create_task(self._send_waiting())
        return await answer

    async def _send_waiting(self) -> None:
        try:
            while self._waiting:
                batch = self._next_batch()
                if batch:
                    await self._send(batch)
        finally:
            self._sending = None
            # Only when this task was cancelled (its loop is closing) is anyone still waiting.
            while self._waiting:
                self._waiting.popleft()[1].cancel()

    def _next_batch(self) -> list[tuple[Item, asyncio.Future[Result]]]:
        batch: list[tuple[Item, asyncio.Future[Result]]] = []
        while self._waiting and len(batch) < self._size:
            waiting = self._waiting.popleft()
            if not waiting[1].done():
                batch.append(waiting)
        return batch

    async def _send(self, batch: list[tuple[Item, asyncio.Future[Result]]]) -> None:
        try:
            (outcome,) = await gather_each([self._call_each([item for item, _ in batch])])
            for index, (_, answer) in enumerate(batch):
                if answer.done():
                    continue
                result = answer_of(outcome, index)
                if isinstance(result, Exception):
                    answer.set_exception(result)
                else:
                    answer.set_result(result)
        finally:
            # Answered by now, unless this task was cancelled while the batch was out.
            for _, answer in batch:
                if not answer.done():
                    answer.cancel()


def answer_of(outcome: Sequence[Result | Exception] | Exception, index: int) -> Result | Exception:
    """The answer at ``index`` of a batch call's outcome, or the error that failed the call."""
    if isinstance(outcome, Exception):
        return outcome
    return outcome[index] if index < len(outcome) else MissingBatchAnswerError()
