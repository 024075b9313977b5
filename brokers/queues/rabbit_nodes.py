"""The RabbitMQ nodes a process may use: one URL or a cluster's comma-separated list.

A process talks to one node at a time. It tries the nodes in turn, starting from a shuffled
order so that a fleet of processes spreads over the cluster, and when its node goes away it
reconnects to the next one by itself.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Sequence
from typing import Any

import aio_pika
from aio_pika.abc import AbstractConnection, AbstractRobustConnection, UnderlayConnection
from aio_pika.robust_connection import RobustConnection
from pamqp.common import FieldTable
from yarl import URL

from brokers.queues.rabbit_client_logs import reword_client_logs
from brokers.queues.rabbit_failures import failure_summary
from brokers.queues.rabbit_messages import BROKER_FAILURES, CONFIRM_TIMEOUT_SECONDS

_NEXT_NODE = {"reconnect_interval": "1"}
logger = logging.getLogger(__name__)


def node_urls(urls: str) -> tuple[str, ...]:
    """The node URLs of ``urls`` (``amqp://a/,amqp://b/``), in the order given; blanks dropped."""
    nodes = tuple(part.strip() for part in urls.split(",") if part.strip())
    if not nodes:
        raise ValueError("no RabbitMQ URL given")
    return nodes


def shuffled(nodes: Sequence[str], rng: random.Random | None = None) -> tuple[str, ...]:
    """The nodes in a random order (each process its own), so connections spread."""
    order = list(nodes)
    (rng or random.Random()).shuffle(order)  # noqa: S311 - load spreading, not security
    return tuple(order)


def without_password(url: str) -> str:
    """The URL as it may be shown: the password masked."""
    parsed = URL(url)
    return str(parsed.with_password("******")) if parsed.password else url


class RotatingRobustConnection(RobustConnection):
    """aio-pika's robust connection, moving on to the next node at every connection attempt.

    The robust connection reconnects (and restores its channels and consumers) on the URL it
    was made with. Every attempt it makes starts by dropping its transport, so that is where
    this class turns to the next node; the first attempt uses the first node.
    """

    def __init__(self, url: URL, nodes: Sequence[str], **kwargs: Any) -> None:
        self._nodes: tuple[URL, ...] = ()
        self._transport: UnderlayConnection | None = None
        super().__init__(url, **kwargs)
        self._nodes = tuple(URL(node) for node in nodes)
        self._attempts = 0

    @property
    def transport(self) -> UnderlayConnection | None:
        return self._transport

    @transport.setter
    def transport(self, transport: UnderlayConnection | None) -> None:
        if transport is None and self._nodes:
            self.url = self._nodes[self._attempts % len(self._nodes)]
            self._attempts += 1
        self._transport = transport

    @property
    def node(self) -> str:
        """The node this connection uses (or tries) right now, password masked."""
        return without_password(str(self.url))

    async def _on_connection_close(self, closing: asyncio.Future[Any]) -> None:
        """Say once that the connection was lost, and when the robust connection tries again."""
        await super()._on_connection_close(closing)
        if self._close_called or self.is_closed:
            return
        error = None if closing.cancelled() else closing.exception()
        logger.warning(
            "lost the connection to RabbitMQ at %s: %s; reconnecting in %ss",
            self.node,
            failure_summary(error) if error is not None else "closed",
            self.reconnect_interval,
        )

    async def _on_connected(self) -> None:
        await super()._on_connected()
        if self.connection_attempt > 1:
            logger.info("reconnected to RabbitMQ at %s", self.node)


async def connect_robust_to_any(
    nodes: Sequence[str], client_properties: FieldTable
) -> AbstractRobustConnection:
    """A robust connection to the first node of ``nodes`` that answers, rotating afterwards.

    Raises the last node's error when none answers.
    """
    reword_client_logs()
    failure: BaseException | None = None
    for first in range(len(nodes)):
        order = (*nodes[first:], *nodes[:first])
        url = URL(order[0])
        # aio-pika waits 5 s between attempts; with another node at hand, a second is enough.
        interval = {} if len(nodes) == 1 or "reconnect_interval" in url.query else _NEXT_NODE
        connection = RotatingRobustConnection(
            url, order, client_properties=client_properties, **interval
        )
        try:
            await connection.connect(timeout=CONFIRM_TIMEOUT_SECONDS)
        except BROKER_FAILURES as error:
            failure = error
            await connection.close()
            continue
        return connection
    assert failure is not None  # noqa: S101 - nodes is never empty
    raise failure


async def connect_to_any(nodes: Sequence[str], client_properties: FieldTable) -> AbstractConnection:
    """A plain connection to the first node of ``nodes`` that answers.

    Raises the last node's error when none answers.
    """
    failure: BaseException | None = None
    for node in nodes:
        try:
            return await aio_pika.connect(
                node, client_properties=client_properties, timeout=CONFIRM_TIMEOUT_SECONDS
            )
        except BROKER_FAILURES as error:
            failure = error
    assert failure is not None  # noqa: S101 - nodes is never empty
    raise failure
