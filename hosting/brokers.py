"""The process's brokers, chosen by URL: the one place that names concrete broker classes."""

from __future__ import annotations

from dataclasses import dataclass

from brokers.datetimes import DateTimeBroker, SystemDateTimeBroker
from brokers.identifiers import IdentifierBroker, UuidIdentifierBroker
from brokers.loggings import LoggingBroker, StructlogLoggingBroker
from brokers.metrics import MetricsBroker, PrometheusMetricsBroker
from brokers.queues import DeliveryHooks, QueueBroker
from brokers.queues.batches import Batching
from brokers.queues.memory_queue_broker import MemoryQueueBroker
from brokers.queues.rabbit_queue_broker import RabbitQueueBroker
from brokers.secrets import HashlibSecretBroker, SecretBroker
from brokers.storages import StorageBroker
from brokers.storages.memory_storage_broker import MemoryStorageBroker
from brokers.storages.mongo_storage_broker import MongoStorageBroker
from hosting.settings import MEMORY_URL, Settings


@dataclass(frozen=True, slots=True)
class Brokers:
    queue: QueueBroker
    storage: StorageBroker
    date_time: DateTimeBroker
    identifier: IdentifierBroker
    logging: LoggingBroker
    metrics: MetricsBroker
    secret: SecretBroker


def create_logging_broker(name: str) -> LoggingBroker:
    return StructlogLoggingBroker(name)


def create_metrics_broker() -> PrometheusMetricsBroker:
    return PrometheusMetricsBroker()


def create_queue_broker(
    settings: Settings,
    hooks: DeliveryHooks | None,
    name: str,
    metrics: MetricsBroker | None = None,
) -> QueueBroker:
    observer = None if metrics is None else metrics.observe_publish
    batching = Batching(settings.batch_size, settings.batch_linger_ms / 1000)
    if settings.amqp_url == MEMORY_URL:
        return MemoryQueueBroker(
            settings.namespace,
            prefetch=settings.prefetch,
            retry_delays=settings.retry_delays,
            hooks=hooks,
            publish_observer=observer,
            batching=batching,
        )
    return RabbitQueueBroker(
        settings.amqp_url,
        settings.namespace,
        prefetch=settings.prefetch,
        retry_delays=settings.retry_delays,
        hooks=hooks,
        connection_name=name,
        publish_observer=observer,
        batching=batching,
    )


def create_storage_broker(settings: Settings) -> StorageBroker:
    if settings.mongodb_url == MEMORY_URL:
        return MemoryStorageBroker()
    return MongoStorageBroker(settings.mongodb_url, settings.mongodb_database)


def create_brokers(
    settings: Settings,
    hooks: DeliveryHooks | None,
    name: str,
    logging: LoggingBroker | None = None,
    metrics: MetricsBroker | None = None,
) -> Brokers:
    metrics = metrics or create_metrics_broker()
    return Brokers(
        queue=create_queue_broker(settings, hooks, name, metrics),
        storage=create_storage_broker(settings),
        date_time=SystemDateTimeBroker(),
        identifier=UuidIdentifierBroker(),
        logging=logging or create_logging_broker(name),
        metrics=metrics,
        secret=HashlibSecretBroker(),
    )
