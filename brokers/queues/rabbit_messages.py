"""Translation between aio-pika's messages and the queue broker's primitives."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import aio_pika
from aio_pika.abc import AbstractIncomingMessage
from aio_pika.exceptions import CONNECTION_EXCEPTIONS
from pamqp.common import FieldTable

from brokers.queues.delivery import attempt_of, text_header
from brokers.queues.messages import (
    ROUTING_KEY_HEADER,
    DeadLetteredMessage,
    IncomingMessage,
)

# What aio-pika raises when RabbitMQ is away, closes a channel or refuses an operation.
BROKER_FAILURES: tuple[type[BaseException], ...] = (*CONNECTION_EXCEPTIONS, TimeoutError)

# Seconds to wait for a publisher confirm (or a connection) before calling RabbitMQ unavailable.
CONFIRM_TIMEOUT_SECONDS = 10.0

# Headers RabbitMQ adds on its own (dead-lettering, quorum delivery counts). Handlers see only
# what publishers and the brokers put, as with the in-memory broker.
_RABBITMQ_HEADERS = ("x-death", "x-delivery-count")
_RABBITMQ_HEADER_PREFIXES = ("x-first-death-", "x-last-death-")


def client_properties(connection_name: str) -> FieldTable:
    """What the management UI shows for the connection."""
    return {"connection_name": connection_name}


def published_headers(headers: Mapping[str, Any]) -> dict[str, Any]:
    return {
        name: value
        for name, value in headers.items()
        if name not in _RABBITMQ_HEADERS and not name.startswith(_RABBITMQ_HEADER_PREFIXES)
    }


def amqp_message(
    body: bytes,
    *,
    message_id: str | None,
    correlation_id: str | None,
    content_type: str | None,
    headers: Mapping[str, Any],
    timestamp: datetime | None,
) -> aio_pika.Message:
    return aio_pika.Message(
        body,
        message_id=message_id,
        correlation_id=correlation_id,
        content_type=content_type,
        headers=dict(headers),
        timestamp=timestamp,
        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
    )


def incoming_message(delivery: AbstractIncomingMessage, queue: str) -> IncomingMessage:
    headers = published_headers(delivery.headers)
    return IncomingMessage(
        queue=queue,
        # A retried or replayed message comes through the default exchange, keyed by queue name.
        routing_key=text_header(headers, ROUTING_KEY_HEADER) or delivery.routing_key or "",
        body=delivery.body,
        message_id=delivery.message_id,
        correlation_id=delivery.correlation_id,
        content_type=delivery.content_type,
        headers=headers,
        redelivered=bool(delivery.redelivered),
        attempt=attempt_of(headers),
    )


def dead_lettered_message(worker: str, delivery: AbstractIncomingMessage) -> DeadLetteredMessage:
    headers = dict(delivery.headers)
    return DeadLetteredMessage(
        worker=worker,
        routing_key=original_routing_key(delivery),
        body=delivery.body,
        message_id=delivery.message_id,
        correlation_id=delivery.correlation_id,
        headers=headers,
    )


def original_routing_key(delivery: AbstractIncomingMessage) -> str:
    """The routing key a dead letter was first published with.

    Our own dead-letter copies carry it in a header; a message RabbitMQ dead-lettered by itself
    (over its delivery limit) has it in the oldest ``x-death`` entry.
    """
    if routing_key := text_header(delivery.headers, ROUTING_KEY_HEADER):
        return routing_key
    deaths = delivery.headers.get("x-death")
    if isinstance(deaths, list) and deaths and isinstance(deaths[-1], dict):
        routing_keys = deaths[-1].get("routing-keys")
        if isinstance(routing_keys, list) and routing_keys:
            return str(routing_keys[0])
    return delivery.routing_key or ""
