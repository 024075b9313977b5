from brokers.queues.memory_queue_broker import MemoryQueueBroker
from brokers.queues.messages import (
    Ack,
    BatchHandler,
    BatchResult,
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
    TopologyConflictError,
    UnroutableMessageError,
    WorkerTopology,
)
from brokers.queues.rabbit_queue_broker import RabbitQueueBroker

__all__ = [
    "Ack",
    "BatchHandler",
    "BatchResult",
    "DeadLetter",
    "DeadLetteredMessage",
    "DeliveryHooks",
    "IncomingMessage",
    "MemoryQueueBroker",
    "MessageHandler",
    "OutgoingMessage",
    "QueueBroker",
    "QueueUnavailableError",
    "RabbitQueueBroker",
    "RetryLater",
    "Settlement",
    "TopologyConflictError",
    "UnroutableMessageError",
    "WorkerTopology",
]
