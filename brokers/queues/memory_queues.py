"""The in-memory broker's parts: stored messages, FIFO queues, topic-exchange matching."""

from __future__ import annotations

import asyncio
import operator
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import accumulate
from typing import Any


@dataclass(slots=True)
class MemoryEnvelope:
    """A stored message with the routing key it was delivered with; one per queue it sits in."""

    routing_key: str
    body: bytes
    message_id: str | None
    correlation_id: str | None
    content_type: str | None
    headers: dict[str, Any] = field(default_factory=dict)
    redelivered: bool = False
    returns: int = 0

    def copy(self, routing_key: str, headers: dict[str, Any]) -> MemoryEnvelope:
        """A new message with these properties: not redelivered, never returned."""
        return replace(self, routing_key=routing_key, headers=headers, redelivered=False, returns=0)


class MemoryQueue:
    """A FIFO of envelopes that consumers can wait on."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._messages: deque[MemoryEnvelope] = deque()
        self._arrived = asyncio.Event()

    def __len__(self) -> int:
        return len(self._messages)

    def __iter__(self) -> Iterator[MemoryEnvelope]:
        return iter(tuple(self._messages))

    def put(self, envelope: MemoryEnvelope) -> None:
        self._messages.append(envelope)
        self._arrived.set()

    def put_back(self, envelope: MemoryEnvelope) -> None:
        """Return an unsettled message to the head, where it was taken from."""
        self._messages.appendleft(envelope)
        self._arrived.set()

    async def get(self) -> MemoryEnvelope:
        while not self._messages:
            self._arrived.clear()
            await self._arrived.wait()
        return self._messages.popleft()

    def remove(self, envelope: MemoryEnvelope) -> bool:
        for index, stored in enumerate(self._messages):
            if stored is envelope:
                del self._messages[index]
                return True
        return False

    def clear(self) -> int:
        count = len(self._messages)
        self._messages.clear()
        return count


def topic_matches(binding_key: str, routing_key: str) -> bool:
    """Whether a topic binding matches: ``*`` is exactly one word, ``#`` zero or more."""
    words = routing_key.split(".")
    # matched[j]: the binding's parts seen so far match the first j words.
    matched = [True] + [False] * len(words)
    for part in binding_key.split("."):
        if part == "#":
            matched = list(accumulate(matched, operator.or_))
        else:
            matched = [False] + [matched[j] and part in {"*", word} for j, word in enumerate(words)]
    return matched[-1]
