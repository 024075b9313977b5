"""The queue broker's contract: what every implementation (RabbitMQ, in-memory) must do alike."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from brokers.queues.messages import (
    BatchHandler,
    DeadLetteredMessage,
    MessageHandler,
    OutgoingMessage,
)


@dataclass(frozen=True, slots=True)
class WorkerTopology:
    """One worker's queues: ``<ns>.<worker>`` bound to ``binding_keys``, plus retry and dead."""

    worker: str
    binding_keys: Sequence[str]


class UnroutableMessageError(Exception):
    """The exchange had no queue to route a published message to; nothing was stored."""

    def __init__(self, routing_key: str) -> None:
        super().__init__(f"no queue is bound for routing key {routing_key!r}")
        self.routing_key = routing_key


class QueueUnavailableError(Exception):
    """The broker could not be reached, or it refused or did not confirm a publish."""


class TopologyConflictError(Exception):
    """A queue exists with other arguments than the topology declares; RabbitMQ keeps it so.

    E.g. a classic queue left by an older version where a quorum queue is declared now.
    """

    def __init__(self, queue: str, argument: str) -> None:
        super().__init__(
            f"queue {queue!r} exists with other arguments ({argument or 'one'} differs, e.g. a "
            "classic queue of an older version): stop the workers and the ingress, run "
            "`culdesac topology declare --migrate` to move it, messages included, and start again"
        )
        self.queue = queue
        self.argument = argument


class QueueBroker(Protocol):
    """Publishes events to a topic exchange and consumes workers' queues.

    Names are given without the namespace; the broker prefixes them (queue ``<ns>.<worker>``,
    exchange ``<ns>.events``). Delivery is at least once: a message is removed only once its
    settlement is carried out, after any copy it needed (retry, dead letter) was stored.
    """

    async def connect(self) -> None:
        """Open the connection; raises ``QueueUnavailableError`` when the broker is away."""

    async def close(self) -> None:
        """Stop consuming, let in-flight handlers settle, close the connection."""

    async def declare_topology(self, workers: Sequence[WorkerTopology]) -> None:
        """Declare the exchange and each worker's queue, retry queues and dead-letter queue.

        Idempotent: declaring twice changes nothing.
        """

    async def publish(self, message: OutgoingMessage) -> None:
        """Publish persistently to the exchange and wait for the broker's confirm.

        Raises ``UnroutableMessageError`` when no queue is bound for the routing key and
        ``QueueUnavailableError`` when the broker is unreachable or does not confirm.
        """

    def listen(self, worker: str, routing_key: str, handler: MessageHandler) -> None:
        """Register ``handler`` for messages with ``routing_key`` on the worker's queue.

        Nothing is consumed until ``start_consuming``. A message whose routing key has no
        handler is dead-lettered.
        """

    def listen_batch(self, worker: str, routing_key: str, handler: BatchHandler) -> None:
        """Register ``handler`` for ``routing_key`` messages on the worker's queue, in batches.

        Up to ``batch_size`` deliveries are handed over at once: those that arrived within
        ``batch_linger`` seconds while others were still being handled, else each as it comes
        (a batch of one). The handler answers every message in its place and each one is
        settled by its own answer, exactly as ``listen``'s handler's would be; when the handler
        raises, every message of the batch gets that error for the hooks to decide.
        """

    async def start_consuming(self) -> None:
        """Consume every queue that has handlers, up to ``prefetch`` messages at a time each.

        Each message is settled as its handler says: returning ``None`` or ``Ack`` acks;
        ``RetryLater`` goes through the retry queue (attempt + 1); ``DeadLetter`` moves it to
        ``<ns>.<worker>.dead`` with the reason in headers. When the handler raises, the
        broker's ``DeliveryHooks.decide`` chooses the settlement.
        """

    async def stop_consuming(self) -> None:
        """Stop taking new messages and wait until the handlers in flight have settled."""

    async def is_healthy(self) -> bool:
        """Whether the broker answers right now."""

    async def count_messages(self, worker: str) -> Mapping[str, int]:
        """Ready message counts: ``{"queue": n, "dead": m}`` for the worker."""

    async def list_dead_letters(
        self, worker: str, progress: Callable[[], None] | None = None
    ) -> Sequence[DeadLetteredMessage]:
        """Every message in the worker's dead-letter queue, left in place, oldest first.

        ``progress`` is called once per message read, for a progress bar on large queues.
        """

    async def replay_dead_letters(
        self,
        worker: str,
        message_ids: Sequence[str] | None,
        progress: Callable[[], None] | None = None,
    ) -> int:
        """Move dead letters (all, or those with the given ids) back to the worker's queue.

        Ids and correlation ids are kept; the attempt count starts again at 1.
        ``progress`` is called once per dead letter looked at. Returns how many were moved.
        """

    async def purge_dead_letters(self, worker: str) -> int:
        """Delete every message in the worker's dead-letter queue; returns how many."""
