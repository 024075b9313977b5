"""Primitives the queue broker hands to handlers and takes back from them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

CLOUDEVENTS_CONTENT_TYPE = "application/cloudevents+json"

# Headers the brokers own. The delivery policy and the dead-letter tooling read them.
ATTEMPT_HEADER = "x-culdesac-attempt"
REASON_HEADER = "x-culdesac-reason"
CATEGORY_HEADER = "x-culdesac-category"
ERROR_TYPE_HEADER = "x-culdesac-error-type"
ERROR_MESSAGE_HEADER = "x-culdesac-error-message"
ROUTING_KEY_HEADER = "x-culdesac-routing-key"
DEAD_LETTERED_AT_HEADER = "x-culdesac-dead-lettered-at"
WORKER_HEADER = "x-culdesac-worker"


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """A message to publish: the body and the AMQP properties that travel with it."""

    routing_key: str
    body: bytes
    message_id: str
    correlation_id: str | None = None
    content_type: str = CLOUDEVENTS_CONTENT_TYPE
    headers: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """A delivered message as a handler sees it: bytes and properties, nothing of the client."""

    queue: str
    routing_key: str
    body: bytes
    message_id: str | None
    correlation_id: str | None
    content_type: str | None
    headers: Mapping[str, Any]
    redelivered: bool
    attempt: int


@dataclass(frozen=True, slots=True)
class Ack:
    """The message is done with: remove it."""


@dataclass(frozen=True, slots=True)
class RetryLater:
    """Put the message aside for ``delay_seconds`` and deliver it again, attempt + 1."""

    delay_seconds: float


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """Move the message to the worker's dead-letter queue, recording why in its headers."""

    reason: str
    category: str = ""
    error_type: str = ""
    error_message: str = ""


Settlement = Ack | RetryLater | DeadLetter

# A handler returns None (ack) or a settlement; when it raises, the broker's delivery hooks decide.
MessageHandler = Callable[[IncomingMessage], Awaitable[Settlement | None]]


# A batch handler gets deliveries of one routing key together and answers each one in its place:
# None (ack), a settlement, or the error that message failed with (the delivery hooks decide).
BatchResult = Settlement | Exception | None
BatchHandler = Callable[[Sequence[IncomingMessage]], Awaitable[Sequence[BatchResult]]]


# Told the routing key and the seconds a confirmed publish took.
PublishObserver = Callable[[str, float], None]


class DeliveryHooks(Protocol):
    """What the host tells a consuming broker: how to settle a failure, and what to note."""

    def decide(self, message: IncomingMessage, error: Exception) -> Settlement:
        """The settlement for a message whose handler raised ``error``."""
        ...

    def handling(self, message: IncomingMessage) -> AbstractContextManager[object]:
        """Open for as long as the message's handler runs (for the in-flight gauge)."""
        ...

    def settled(
        self,
        message: IncomingMessage,
        settlement: Settlement,
        duration_seconds: float,
        error: Exception | None,
    ) -> None:
        """Called once per message after it was settled (for the canonical log line)."""
        ...


@dataclass(frozen=True, slots=True)
class DeadLetteredMessage:
    """A message sitting in a dead-letter queue, with what its headers say of its failure."""

    worker: str
    routing_key: str
    body: bytes
    message_id: str | None
    correlation_id: str | None
    headers: Mapping[str, Any]

    @property
    def reason(self) -> str:
        return str(self.headers.get(REASON_HEADER, ""))

    @property
    def category(self) -> str:
        return str(self.headers.get(CATEGORY_HEADER, ""))

    @property
    def attempt(self) -> int:
        return int(self.headers.get(ATTEMPT_HEADER, 1))

    @property
    def dead_lettered_at(self) -> str:
        return str(self.headers.get(DEAD_LETTERED_AT_HEADER, ""))
