from brokers.queues.messages import (
    Ack,
    DeadLetter,
    DeadLetteredMessage,
    DeliveryHooks,
    IncomingMessage,
    MessageHandler,
    OutgoingMessage,
    RetryLater,
    Settlement,
)
from brokers.queues.queue_broker import (
    QueueBroker,
    QueueUnavailableError,
    UnroutableMessageError,
    WorkerTopology,
)

__all__ = [
    "Ack",
    "DeadLetter",
    "DeadLetteredMessage",
    "DeliveryHooks",
    "IncomingMessage",
    "MessageHandler",
    "OutgoingMessage",
    "QueueBroker",
    "QueueUnavailableError",
    "RetryLater",
    "Settlement",
    "UnroutableMessageError",
    "WorkerTopology",
]
