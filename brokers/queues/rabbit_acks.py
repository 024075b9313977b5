"""A consumer channel's acks, sent as few ``basic.ack multiple`` frames as their order allows.

One ack frame per message is a socket write and a wait on aiormq's writer in the worker, and a
frame for RabbitMQ to parse: about half of what a worker sends. The messages of a batch are
settled together, so their acks can be one frame, for ``multiple`` acks every delivery up to a
tag. That is only right once every delivery up to that tag is settled, on the channel that
delivered it: a delivery still gathering into a batch, or in a batch still in flight, holds
back the acks of those behind it, which then go in the same frame as its own.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable
from typing import Protocol


class AckingChannel(Protocol):
    """What is needed of aiormq's channel."""

    def basic_ack(self, delivery_tag: int, multiple: bool = ...) -> Awaitable[None]: ...


class CumulativeAcks:
    """Tracks one channel's deliveries in tag order and acks each settled prefix in one frame.

    ``delivered`` is called for each delivery as it arrives (tags grow on a channel), before
    anything else may settle it. Acks that settle in the same turn of the event loop (a
    batch's) share one frame. A delivery settled otherwise (nacked) is ``forgotten``: it no
    longer holds back the others, and a ``multiple`` ack passes over it. Deliveries of a channel
    that is gone are dropped: their acks cannot be sent, and RabbitMQ delivers them again.
    """

    def __init__(self) -> None:
        self._channel: AckingChannel | None = None
        self._tags: deque[int] = deque()
        self._acked: set[int] = set()
        self._forgotten: set[int] = set()
        self._sending: asyncio.Task[None] | None = None

    def delivered(self, channel: AckingChannel, delivery_tag: int) -> None:
        if channel is not self._channel:
            self._channel = channel
            self._tags.clear()
            self._acked.clear()
            self._forgotten.clear()
            self._sending = None
        self._tags.append(delivery_tag)

    async def ack(self, channel: AckingChannel, delivery_tag: int) -> None:
        """Ack ``delivery_tag`` now, or with the first unsettled delivery before it.

        Now: with every settled one before it, in one frame shared with the acks of this turn of
        the loop; later: in the frame of the first unsettled delivery before it. An ack that
        fails (the channel closed) raises here for every delivery of that frame.
        """
        if channel is not self._channel:
            # Delivered on a channel since replaced: acked alone, and refused like any ack on a
            # closed channel.
            await channel.basic_ack(delivery_tag)
            return
        self._acked.add(delivery_tag)
        await asyncio.shield(self._scheduled(channel))

    def forget(self, channel: AckingChannel, delivery_tag: int) -> None:
        """Stop waiting for ``delivery_tag`` (nacked): the acks it held back go now."""
        if channel is self._channel:
            self._forgotten.add(delivery_tag)
            self._scheduled(channel)

    def _scheduled(self, channel: AckingChannel) -> asyncio.Task[None]:
        if self._sending is None:
            # Runs after every task already scheduled in this turn: a batch's acks are all in.
            self._sending = asyncio.ensure_future(self._send(channel))
            self._sending.add_done_callback(_retrieved)
        return self._sending

    async def _send(self, channel: AckingChannel) -> None:
        if channel is not self._channel:
            return  # replaced meanwhile: what was settled on it cannot be acked any more
        highest = self._release()
        # Acks settled while this frame is sent go in the next one.
        self._sending = None
        if highest is not None:
            await channel.basic_ack(highest, multiple=True)

    def _release(self) -> int | None:
        """Drop the settled prefix of the tags; the highest acked tag in it, if any."""
        highest = None
        while self._tags:
            tag = self._tags[0]
            if tag in self._acked:
                self._acked.discard(tag)
                highest = tag
            elif tag in self._forgotten:
                self._forgotten.discard(tag)
            else:
                break
            self._tags.popleft()
        return highest


def _retrieved(task: asyncio.Task[None]) -> None:
    """Every waiter is told of a failed ack; this keeps a frame nobody awaits any more quiet."""
    if not task.cancelled():
        task.exception()
