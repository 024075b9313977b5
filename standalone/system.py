"""The ingress and every worker in one process, on one set of brokers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from fastapi import FastAPI

from contracts.workers import WORKER_NAMES
from hosting.brokers import Brokers, create_brokers, create_logging_broker, create_metrics_broker
from hosting.settings import Settings
from hosting.startup import connect_brokers
from hosting.topology import worker_topologies
from ingress.composition import compose_ingress_app
from workers.delivery_policy import DeliveryPolicy
from workers.host import start_workers


@dataclass(frozen=True, slots=True)
class System:
    brokers: Brokers
    ingress_app: FastAPI


@asynccontextmanager
async def running_system(settings: Settings, name: str) -> AsyncIterator[System]:
    """Every worker consuming and the ingress's application over the same brokers, for the block.

    Waits for the services as long as they take; at the end stops consuming and closes the brokers.
    """
    logging = create_logging_broker(name)
    metrics = create_metrics_broker()
    policy = DeliveryPolicy(
        logging, settings.retry_delays, settings.max_service_retries, metrics, settings.namespace
    )
    brokers = create_brokers(settings, policy, name, logging, metrics)
    await connect_brokers(brokers, worker_topologies())
    start_workers(list(WORKER_NAMES), brokers)
    await brokers.queue.start_consuming()
    try:
        yield System(brokers, compose_ingress_app(brokers, settings))
    finally:
        await brokers.queue.stop_consuming()
        await brokers.queue.close()
        await brokers.storage.close()
