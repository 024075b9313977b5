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
from brokers.queues.queue_broker import QueueUnavailableError
from brokers.queues.queue_statistics import QueueStatisticsBroker
from brokers.queues.rabbit_management import (
    RabbitManagementStatistics,
    management_url_of,
    vhost_of,
)
from brokers.queues.rabbit_queue_broker import RabbitQueueBroker
from brokers.queues.rabbit_statistics import RabbitQueueStatistics
from brokers.secrets import HashlibSecretBroker, SecretBroker
from brokers.storages import StorageBroker
from brokers.storages.memory_storage_broker import MemoryStorageBroker
from brokers.storages.mongo_storage_broker import MongoStorageBroker
from brokers.tracings import (
    OpenTelemetryTracingBroker,
    TracingBroker,
    create_tracing_broker,
)
from hosting.settings import MEMORY_URL, Settings


@dataclass(frozen=True, slots=True)
class Brokers:
    queue: QueueBroker
    storage: StorageBroker
    date_time: DateTimeBroker
    identifier: IdentifierBroker
    logging: LoggingBroker
    metrics: MetricsBroker
    tracing: TracingBroker
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
    tracing: TracingBroker | None = None,
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
            tracing=tracing,
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
        tracing=tracing,
        batching=batching,
    )


async def connected_queue_statistics(settings: Settings) -> QueueStatisticsBroker:
    """The management API's statistics (with rates) when it answers, else AMQP's (without)."""
    if settings.amqp_url == MEMORY_URL:
        raise QueueUnavailableError("queue statistics need RabbitMQ, not the in-memory broker")
    management = RabbitManagementStatistics(
        # One node's API shows the whole cluster's queues.
        settings.management_url.split(",", maxsplit=1)[0].strip()
        if settings.management_url
        else management_url_of(settings.amqp_url),
        vhost_of(settings.amqp_url),
    )
    try:
        await management.connect()
    except QueueUnavailableError:
        await management.close()
    else:
        return management
    amqp = RabbitQueueStatistics(settings.amqp_url)
    await amqp.connect()
    return amqp


def create_storage_broker(
    settings: Settings, tracing: TracingBroker | None = None
) -> StorageBroker:
    if settings.mongodb_url == MEMORY_URL:
        return MemoryStorageBroker()
    return MongoStorageBroker(
        settings.mongodb_url,
        settings.mongodb_database,
        timeout_ms=settings.mongodb_timeout_ms,
        # Command monitoring costs every command a few events: only where spans are exported.
        command_listeners=(tracing.mongo_command_spans(),)
        if isinstance(tracing, OpenTelemetryTracingBroker)
        else (),
    )


def create_brokers(
    settings: Settings,
    hooks: DeliveryHooks | None,
    name: str,
    logging: LoggingBroker | None = None,
    metrics: MetricsBroker | None = None,
) -> Brokers:
    metrics = metrics or create_metrics_broker()
    tracing = create_tracing_broker(name)
    return Brokers(
        queue=create_queue_broker(settings, hooks, name, metrics, tracing),
        storage=create_storage_broker(settings, tracing),
        date_time=SystemDateTimeBroker(),
        identifier=UuidIdentifierBroker(),
        logging=logging or create_logging_broker(name),
        metrics=metrics,
        tracing=tracing,
        secret=HashlibSecretBroker(),
    )
