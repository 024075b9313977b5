"""The ingress's composition root: settings in, an application that owns its brokers out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from hosting.brokers import Brokers, create_brokers
from hosting.registrations import (
    compose_registration_event_processing,
    compose_registration_processing,
)
from hosting.settings import Settings
from ingress.app import Lifespan, create_app
from ingress.metrics import install_metrics
from ingress.readiness import readiness_of
from ingress.startup import IngressStartup
from services.orchestrations.registration_acceptances import (
    RegistrationAcceptanceOrchestrationService,
)

INGRESS_NAME = "culdesac-ingress"


def compose_registration_acceptance(brokers: Brokers) -> RegistrationAcceptanceOrchestrationService:
    return RegistrationAcceptanceOrchestrationService(
        compose_registration_event_processing(brokers),
        compose_registration_processing(brokers),
        brokers.identifier,
        brokers.date_time,
        brokers.logging,
    )


def compose_ingress_app(
    brokers: Brokers, settings: Settings, lifespan: Lifespan | None = None
) -> FastAPI:
    """The application over brokers someone else connects (the demo shares them)."""
    app = create_app(
        compose_registration_acceptance(brokers),
        readiness_of(brokers.queue, brokers.storage),
        settings,
        identifier_broker=brokers.identifier,
        logging_broker=brokers.logging,
        lifespan=lifespan,
    )
    install_metrics(app, brokers.metrics)
    return app


def compose_ingress(settings: Settings, startup: IngressStartup) -> FastAPI:
    """The application with its own brokers, connected in the background and closed at shutdown.

    It listens at once: ``startup`` answers 503 to what needs the services until they answer.
    """
    brokers = create_brokers(settings, None, INGRESS_NAME)
    app = compose_ingress_app(brokers, settings, brokers_lifespan(brokers, startup))
    startup.install(app)
    return app


def brokers_lifespan(brokers: Brokers, startup: IngressStartup) -> Lifespan:
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        startup.start(brokers)
        try:
            yield
        finally:
            await startup.stop()
            await brokers.queue.close()
            await brokers.storage.close()
            brokers.logging.info("ingress stopped")

    return lifespan
