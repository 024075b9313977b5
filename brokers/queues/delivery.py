"""What every queue broker does alike with a delivered message: dispatch, decide, copy headers."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from brokers.loggings import bound_log_context
from brokers.queues.messages import (
    ATTEMPT_HEADER,
    CATEGORY_HEADER,
    DEAD_LETTERED_AT_HEADER,
    ERROR_MESSAGE_HEADER,
    ERROR_TYPE_HEADER,
    REASON_HEADER,
    ROUTING_KEY_HEADER,
    WORKER_HEADER,
    Ack,
    BatchHandler,
    BatchResult,
    DeadLetter,
    DeliveryHooks,
    IncomingMessage,
    MessageHandler,
    OutgoingMessage,
    PublishObserver,
    RetryLater,
    Settlement,
)
from brokers.tracings import TracedSpan, TracingBroker

logger = logging.getLogger(__name__)

# Headers that only say why a message was dead-lettered; a replayed message starts without them.
FAILURE_HEADERS = frozenset(
    {
        REASON_HEADER,
        CATEGORY_HEADER,
        ERROR_TYPE_HEADER,
        ERROR_MESSAGE_HEADER,
        DEAD_LETTERED_AT_HEADER,
        WORKER_HEADER,
    }
)


class HandlerRegistry:
    """The handlers ``listen`` and ``listen_batch`` registered, by worker and routing key."""

    def __init__(self) -> None:
        self._handlers: dict[str, dict[str, MessageHandler]] = {}
        self._batch_handlers: dict[str, dict[str, BatchHandler]] = {}

    def add(self, worker: str, routing_key: str, handler: MessageHandler) -> None:
        self._batch_handlers.get(worker, {}).pop(routing_key, None)
        self._handlers.setdefault(worker, {})[routing_key] = handler

    def add_batch(self, worker: str, routing_key: str, handler: BatchHandler) -> None:
        self._handlers.get(worker, {}).pop(routing_key, None)
        self._batch_handlers.setdefault(worker, {})[routing_key] = handler

    def workers(self) -> list[str]:
        return list(dict.fromkeys([*self._handlers, *self._batch_handlers]))

    def find(self, worker: str, routing_key: str) -> MessageHandler | None:
        return self._handlers.get(worker, {}).get(routing_key)

    def find_batch(self, worker: str, routing_key: str) -> BatchHandler | None:
        return self._batch_handlers.get(worker, {}).get(routing_key)


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a delivery is to be settled, and the error its handler raised, if any."""

    settlement: Settlement
    error: Exception | None
    started: float

    def duration_seconds(self) -> float:
        return time.monotonic() - self.started


class Dispatcher:
    """Runs the handler a message's routing key names and turns what it did into a settlement."""

    def __init__(
        self,
        handlers: HandlerRegistry,
        hooks: DeliveryHooks | None,
        first_retry_delay: float,
        tracing: TracingBroker | None = None,
    ) -> None:
        self._handlers = handlers
        self._hooks = hooks
        self._first_retry_delay = first_retry_delay
        self._tracing = tracing

    def traced(self, message: IncomingMessage) -> AbstractContextManager[TracedSpan | None]:
        """One span for the whole delivery, handling and settlement, in the trace it carries.

        Open around everything done for the message, so the events its handler publishes, its
        storage calls and its log lines (the canonical one too) all belong to that trace.
        """
        if self._tracing is None:
            return nullcontext()
        return self._tracing.continue_trace(
            message.headers,
            f"{message.routing_key} process",
            "consumer",
            processing_attributes(message),
        )

    def traced_batch(
        self, messages: Sequence[IncomingMessage]
    ) -> AbstractContextManager[Callable[[int], AbstractContextManager[object]]]:
        """Spans for a batch: each message's in its own trace, resumed for its settlement.

        Open around the batch's handling and every settlement: the i-th message's settlement
        runs inside ``resumed(i)``, so its canonical line carries its own trace id.
        """
        if self._tracing is None:
            return nullcontext(lambda _: nullcontext())
        return self._tracing.continue_traces(
            [message.headers for message in messages],
            [message.correlation_id for message in messages],
            f"{messages[0].routing_key} process",
            [processing_attributes(message) for message in messages],
        )

    async def dispatch(self, worker: str, message: IncomingMessage) -> Outcome:
        started = time.monotonic()
        handler = self._handlers.find(worker, message.routing_key)
        if handler is None:
            reason = f"no handler for routing key {message.routing_key!r}"
            return Outcome(DeadLetter(reason=reason), None, started)
        try:
            # Every line logged while handling carries the message's identity.
            with (
                self._handling(message),
                bound_log_context(
                    correlation_id=message.correlation_id,
                    message_id=message.message_id,
                    event_type=message.routing_key,
                    queue=message.queue,
                    attempt=message.attempt,
                ),
            ):
                settlement = await handler(message)
        except Exception as error:  # noqa: BLE001 - any handler failure is the hooks' to judge
            return Outcome(self._decide(message, error), error, started)
        return Outcome(Ack() if settlement is None else settlement, None, started)

    def is_batched(self, worker: str, routing_key: str) -> bool:
        return self._handlers.find_batch(worker, routing_key) is not None

    async def dispatch_batch(
        self, worker: str, messages: Sequence[IncomingMessage]
    ) -> list[Outcome]:
        """Run the batch handler of the messages' routing key; one outcome per message."""
        started = time.monotonic()
        handler = self._handlers.find_batch(worker, messages[0].routing_key)
        if handler is None:
            reason = f"no handler for routing key {messages[0].routing_key!r}"
            return [Outcome(DeadLetter(reason=reason), None, started) for _ in messages]
        try:
            with (
                ExitStack() as handling,
                bound_log_context(
                    event_type=messages[0].routing_key, queue=messages[0].queue, batch=len(messages)
                ),
            ):
                for message in messages:
                    handling.enter_context(self._handling(message))
                results = checked_answers(messages, await handler(messages))
        except Exception as error:  # noqa: BLE001 - the whole batch failed: each message alike
            return [Outcome(self._decide(m, error), error, started) for m in messages]
        return [
            self._outcome_of(message, result, started)
            for message, result in zip(messages, results, strict=True)
        ]

    def _outcome_of(self, message: IncomingMessage, result: BatchResult, started: float) -> Outcome:
        if isinstance(result, Exception):
            return Outcome(self._decide(message, result), result, started)
        return Outcome(Ack() if result is None else result, None, started)

    def settled(self, message: IncomingMessage, outcome: Outcome) -> None:
        if self._hooks is None:
            return
        try:
            self._hooks.settled(
                message, outcome.settlement, outcome.duration_seconds(), outcome.error
            )
        except Exception:
            logger.exception("delivery hook 'settled' failed for message %s", message.message_id)

    def _handling(self, message: IncomingMessage) -> AbstractContextManager[object]:
        return nullcontext() if self._hooks is None else self._hooks.handling(message)

    def _decide(self, message: IncomingMessage, error: Exception) -> Settlement:
        if self._hooks is None:
            return RetryLater(self._first_retry_delay)
        try:
            return self._hooks.decide(message, error)
        except Exception:
            logger.exception("delivery hook 'decide' failed for message %s", message.message_id)
            return RetryLater(self._first_retry_delay)


def processing_attributes(message: IncomingMessage) -> dict[str, str]:
    return {
        "messaging.system": "rabbitmq",
        "messaging.operation.type": "process",
        "messaging.destination.name": message.queue,
        "messaging.message.id": message.message_id or "",
        "messaging.rabbitmq.destination.routing_key": message.routing_key,
    }


@contextmanager
def traced_publish(
    tracing: TracingBroker | None, message: OutgoingMessage, destination: str
) -> Iterator[Mapping[str, Any]]:
    """A producer span for one publish, and the headers that carry it to the consumer."""
    if tracing is None:
        yield message.headers
        return
    with tracing.start_span(
        f"{message.routing_key} publish",
        "producer",
        {
            "messaging.system": "rabbitmq",
            "messaging.operation.type": "send",
            "messaging.destination.name": destination,
            "messaging.message.id": message.message_id,
            "messaging.rabbitmq.destination.routing_key": message.routing_key,
        },
        key=message.correlation_id,
    ):
        yield tracing.inject(message.headers)


class BatchAnswerError(RuntimeError):
    """A batch handler answered a different number of messages than it was given: a bug."""

    def __init__(self, given: int, answered: int) -> None:
        super().__init__(f"a batch handler answered {answered} of {given} messages")


def checked_answers(
    messages: Sequence[IncomingMessage], results: Sequence[BatchResult]
) -> Sequence[BatchResult]:
    if len(results) != len(messages):
        raise BatchAnswerError(len(messages), len(results))
    return results


def observed_publish(observer: PublishObserver | None, routing_key: str, started: float) -> None:
    if observer is not None:
        observer(routing_key, time.monotonic() - started)


def attempt_of(headers: Mapping[str, Any]) -> int:
    """The attempt a delivery is, from its header; 1 when absent or unreadable."""
    value = headers.get(ATTEMPT_HEADER, 1)
    try:
        attempt = int(value)
    except (TypeError, ValueError):
        return 1
    return max(attempt, 1)


def text_header(headers: Mapping[str, Any], name: str) -> str | None:
    value = headers.get(name)
    if isinstance(value, bytes):
        return value.decode(errors="replace")
    return None if value is None else str(value)


def retry_headers(message: IncomingMessage) -> dict[str, Any]:
    return {
        **message.headers,
        ATTEMPT_HEADER: message.attempt + 1,
        ROUTING_KEY_HEADER: message.routing_key,
    }


def dead_letter_headers(
    message: IncomingMessage, dead_letter: DeadLetter, worker: str
) -> dict[str, Any]:
    return {
        **message.headers,
        REASON_HEADER: dead_letter.reason,
        CATEGORY_HEADER: dead_letter.category,
        ERROR_TYPE_HEADER: dead_letter.error_type,
        ERROR_MESSAGE_HEADER: dead_letter.error_message,
        ROUTING_KEY_HEADER: message.routing_key,
        DEAD_LETTERED_AT_HEADER: datetime.now(UTC).isoformat(),
        WORKER_HEADER: worker,
        ATTEMPT_HEADER: message.attempt,
    }


def replay_headers(headers: Mapping[str, Any], routing_key: str) -> dict[str, Any]:
    kept = {name: value for name, value in headers.items() if name not in FAILURE_HEADERS}
    return {**kept, ATTEMPT_HEADER: 1, ROUTING_KEY_HEADER: routing_key}
