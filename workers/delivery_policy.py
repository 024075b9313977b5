"""The worker as an exposer: error categories become delivery decisions, as DESIGN §3 says."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager

from brokers.loggings import LoggingBroker, redacted_traceback
from brokers.metrics import MetricsBroker
from brokers.queues import (
    Ack,
    DeadLetter,
    IncomingMessage,
    RetryLater,
    Settlement,
)
from contracts.errors import CategorizedError, ErrorCategory
from contracts.redeliveries import Redelivery, redelivery_of


class DeliveryPolicy:
    """Decides how a failed message is settled; one canonical line and one count per message."""

    def __init__(
        self,
        logging_broker: LoggingBroker,
        retry_delays: Sequence[float],
        max_service_retries: int,
        metrics_broker: MetricsBroker,
        namespace: str,
    ) -> None:
        self.logging_broker = logging_broker
        self.retry_delays = tuple(retry_delays)
        self.max_service_retries = max_service_retries
        self.metrics_broker = metrics_broker
        self.queue_prefix = namespace + "."

    def worker_of(self, message: IncomingMessage) -> str:
        """The worker a message was delivered to, from its queue's name."""
        return message.queue.removeprefix(self.queue_prefix)

    def handling(self, message: IncomingMessage) -> AbstractContextManager[object]:
        return self.metrics_broker.track_in_flight(self.worker_of(message))

    def decide(self, message: IncomingMessage, error: Exception) -> Settlement:
        category = category_of(error)
        redelivery = redelivery_of(category)
        if redelivery is Redelivery.UNBOUNDED or (
            redelivery is Redelivery.BOUNDED and message.attempt <= self.max_service_retries
        ):
            return RetryLater(self.delay_for(message.attempt))
        return DeadLetter(
            reason=reason_of(error),
            category=category.value,
            error_type=type(error).__name__,
            error_message=message_of(error),
        )

    def delay_for(self, attempt: int) -> float:
        """Growing delays: the first tier on attempt 1, the last one from then on."""
        return self.retry_delays[min(max(attempt, 1), len(self.retry_delays)) - 1]

    def settled(
        self,
        message: IncomingMessage,
        settlement: Settlement,
        duration_seconds: float,
        error: Exception | None,
    ) -> None:
        fields: dict[str, object] = {
            "queue": message.queue,
            "event_type": message.routing_key,
            "message_id": message.message_id,
            "correlation_id": message.correlation_id,
            "attempt": message.attempt,
            "duration_ms": round(duration_seconds * 1000, 2),
            "outcome": outcome_of(settlement),
        }
        self.metrics_broker.observe_message(
            self.worker_of(message),
            message.routing_key,
            outcome_of(settlement).replace("-", "_"),
            duration_seconds,
        )
        if error is not None:
            fields["error_type"] = type(error).__name__
            fields["error"] = message_of(error)
        # One line per settled message, at the level its failure deserves: a service away is
        # a warning with the retry delay, a refusal a warning with its reason, a bug an error
        # with its traceback. The layers below log only at debug.
        bug = error is not None and category_of(error) is ErrorCategory.SERVICE
        stack = {"traceback": redacted_traceback(error)} if bug and error is not None else {}
        match settlement:
            case Ack():
                self.logging_broker.info("message processed", **fields)
            case RetryLater(delay_seconds=delay) if bug:
                self.logging_broker.error(
                    "message failed, retried later", retry_in_s=delay, **fields, **stack
                )
            case RetryLater(delay_seconds=delay):
                self.logging_broker.warning("message retried later", retry_in_s=delay, **fields)
            case DeadLetter(reason=reason, category=category) if bug:
                self.logging_broker.error(
                    "message dead-lettered", reason=reason, category=category, **fields, **stack
                )
            case DeadLetter(reason=reason, category=category):
                self.logging_broker.warning(
                    "message dead-lettered", reason=reason, category=category, **fields
                )


def category_of(error: Exception) -> ErrorCategory:
    """A service's category; an error no service mapped is a bug."""
    return error.category if isinstance(error, CategorizedError) else ErrorCategory.SERVICE


def outcome_of(settlement: Settlement) -> str:
    match settlement:
        case Ack():
            return "ack"
        case RetryLater():
            return "retry"
        case DeadLetter():
            return "dead-letter"


def reason_of(error: Exception) -> str:
    """The most specific readable words: the localized error's, else the error's kind."""
    if isinstance(error, CategorizedError):
        return str(error.inner_error)
    return f"Unexpected {type(error).__name__}."


def message_of(error: Exception) -> str:
    """A service's own sentence; of any other error only its kind, for its text is not ours.

    A driver's or a library's message may name databases and hosts or quote personal values
    (pydantic's quotes the input), and dead-letter headers and log lines must show neither.
    """
    if isinstance(error, CategorizedError):
        return str(error)
    return type(error).__name__
