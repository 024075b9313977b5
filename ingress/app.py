"""The HTTP ingress: accepts registrations, answers their status, says whether it is ready.

It does nothing else: no fan-out and no entity writes — the acceptance orchestration publishes
``registration.requested.v1`` and the workers do the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from http import HTTPStatus
from typing import Annotated
from uuid import UUID

from fastapi import FastAPI, Header, Request, Response
from fastapi.responses import JSONResponse

from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker, bound_log_context
from contracts.registrations import RegistrationRequest
from hosting.settings import Settings
from ingress.bodies import checked_idempotency_key, parse_registration_request, read_bounded_body
from ingress.errors import install_error_handlers
from ingress.openapi import REFUSALS, install_openapi, registration_request_body
from ingress.registration_acceptance import Readiness, RegistrationAcceptance
from ingress.responses import (
    HealthBody,
    ReadinessBody,
    RegistrationAccepted,
    RegistrationStatusBody,
    status_url,
)

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


def create_app(
    acceptance: RegistrationAcceptance,
    readiness: Readiness,
    settings: Settings,
    *,
    identifier_broker: IdentifierBroker,
    logging_broker: LoggingBroker,
    lifespan: Lifespan | None = None,
) -> FastAPI:
    """The ingress application over an acceptance orchestration and a readiness probe."""
    app = FastAPI(
        title="Culdesac ingress",
        summary="Accepts student registrations and reports their progress.",
        version="1",
        lifespan=lifespan,
    )
    install_error_handlers(app, logging_broker)
    install_openapi(app)

    @app.post(
        "/v1/registrations",
        status_code=HTTPStatus.ACCEPTED,
        response_model=RegistrationAccepted,
        responses=REFUSALS,
        openapi_extra=registration_request_body(),
        summary="Accept a registration",
    )
    async def post_registration(
        request: Request,
        response: Response,
        idempotency_key: Annotated[
            str | None,
            Header(description="The same key gives the same registration id, accepted once."),
        ] = None,
    ) -> RegistrationAccepted:
        """Publish the registration (confirmed by the broker) and answer where to follow it."""
        key = checked_idempotency_key(idempotency_key)
        raw = await read_bounded_body(request, settings.max_body_bytes)
        registration_request: RegistrationRequest = parse_registration_request(raw)
        registration_id = (
            identifier_broker.get_identifier()
            if key is None
            else identifier_broker.get_derived_identifier("registration", key)
        )
        with bound_log_context(correlation_id=registration_id):
            await acceptance.accept_registration(registration_request, registration_id)
            logging_broker.info("registration accepted", registration_id=registration_id)
        response.headers["Location"] = status_url(registration_id)
        return RegistrationAccepted(
            registration_id=registration_id, status_url=status_url(registration_id)
        )

    @app.get(
        "/v1/registrations/{registration_id}",
        response_model=RegistrationStatusBody,
        responses=REFUSALS,
        summary="The status of a registration and of each of its concerns",
    )
    async def get_registration(registration_id: UUID) -> RegistrationStatusBody:
        registration = await acceptance.retrieve_registration_by_id(str(registration_id))
        return RegistrationStatusBody.of(registration)

    @app.get("/healthz", response_model=HealthBody, summary="The process is alive")
    async def healthz() -> HealthBody:
        return HealthBody(status="alive")

    @app.get(
        "/readyz",
        response_model=ReadinessBody,
        responses={HTTPStatus.SERVICE_UNAVAILABLE: {"model": ReadinessBody}},
        summary="The broker and the storage answer",
    )
    async def readyz() -> JSONResponse:
        checks = await readiness()
        ready = all(checks.values())
        body = ReadinessBody(status="ready" if ready else "unavailable", checks=checks)
        return JSONResponse(
            body.model_dump(),
            status_code=HTTPStatus.OK if ready else HTTPStatus.SERVICE_UNAVAILABLE,
        )

    return app
