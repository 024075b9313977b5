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
from ingress.access_log import install_access_log
from ingress.app import Lifespan, create_app
from ingress.authentication import ClientAuthentication, is_loopback
from ingress.metrics import install_metrics
from ingress.readiness import readiness_of
from ingress.startup import IngressStartup
from ingress.tracing import install_tracing
from services.foundations.api_keys import ApiKeyService
from services.orchestrations.registration_acceptances import (
    RegistrationAcceptanceOrchestrationService,
)
from services.processings.api_keys import ApiKeyProcessingService

INGRESS_NAME = "culdesac-ingress"


def compose_registration_acceptance(brokers: Brokers) -> RegistrationAcceptanceOrchestrationService:
    return RegistrationAcceptanceOrchestrationService(
        compose_registration_event_processing(brokers),
        compose_registration_processing(brokers),
        identifier_broker=brokers.identifier,
        secret_broker=brokers.secret,
        date_time_broker=brokers.date_time,
        logging_broker=brokers.logging,
    )


def compose_api_key_processing(brokers: Brokers) -> ApiKeyProcessingService:
    return ApiKeyProcessingService(
        ApiKeyService(brokers.storage, brokers.logging),
        brokers.identifier,
        brokers.secret,
        brokers.date_time,
        brokers.logging,
    )


def compose_ingress_app(
    brokers: Brokers,
    settings: Settings,
    lifespan: Lifespan | None = None,
    *,
    host: str = "127.0.0.1",
    startup: IngressStartup | None = None,
) -> FastAPI:
    """The application over brokers someone else connects (the demo shares them)."""
    authentication = ClientAuthentication(
        compose_api_key_processing(brokers),
        open_on_loopback=is_loopback(host),
        cache_seconds=settings.api_key_cache_seconds,
    )
    app = create_app(
        compose_registration_acceptance(brokers),
        readiness_of(brokers.queue, brokers.storage),
        settings,
        authentication=authentication,
        logging_broker=brokers.logging,
        lifespan=lifespan,
    )
    install_metrics(app, brokers.metrics)
    if startup is not None:
        startup.install(app, authentication)
    # Every answer is logged, the 503s while connecting included.
    install_access_log(app, brokers.logging)
    # Added last, so outermost: the request's span covers everything, and the access line
    # carries its trace id.
    install_tracing(app, brokers.tracing)
    return app


def compose_ingress(settings: Settings, startup: IngressStartup, host: str) -> FastAPI:
    """The application with its own brokers, connected in the background and closed at shutdown.

    It listens at once: ``startup`` answers 503 to what needs the services until they answer.
    """
    brokers = create_brokers(settings, None, INGRESS_NAME)
    return compose_ingress_app(
        brokers, settings, brokers_lifespan(brokers, startup), host=host, startup=startup
    )


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
