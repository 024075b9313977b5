"""The HTTP ingress: accepts registrations, answers their status, says whether it is ready.

It does nothing else: no fan-out and no entity writes — the acceptance orchestration records
the ledger entry and publishes ``registration.requested.v1``; the workers do the rest.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from http import HTTPStatus
from typing import Annotated
from uuid import UUID

from fastapi import Depends, FastAPI, Header, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from brokers.loggings import LoggingBroker, bound_log_context
from contracts.api_keys import Client
from contracts.registrations import RegistrationRequest
from hosting.settings import Settings
from ingress.access_log import note_client, note_correlation_id
from ingress.authentication import ClientAuthentication
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

bearer = HTTPBearer(
    auto_error=False,
    bearerFormat="API key",
    description="A token from `culdesac api-keys create NAME`.",
)


async def authenticated(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Client:
    """The caller of a ``/v1`` route, or a 401 (503 while the key store is away)."""
    authentication: ClientAuthentication = request.app.state.authentication
    client = await authentication.client_of(
        None if credentials is None else credentials.credentials
    )
    note_client(request, client.name)
    return client


def create_app(
    acceptance: RegistrationAcceptance,
    readiness: Readiness,
    settings: Settings,
    *,
    authentication: ClientAuthentication,
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

    app.state.authentication = authentication

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
        client: Annotated[Client, Depends(authenticated)],
        idempotency_key: Annotated[
            str | None,
            Header(
                description=(
                    "1 to 255 printable characters. The same key with the same body gives the "
                    "same registration, accepted once; with another body a 422; while the first "
                    "request is still being handled a 409. Keys are this client's own."
                )
            ),
        ] = None,
    ) -> Response:
        """Record the registration, publish it (confirmed), and answer where to follow it."""
        key = checked_idempotency_key(idempotency_key)
        raw = await read_bounded_body(request, settings.max_body_bytes)
        registration_request: RegistrationRequest = parse_registration_request(raw)
        registration = await acceptance.accept_registration(registration_request, client, key)
        note_correlation_id(request, registration.id)
        with bound_log_context(correlation_id=registration.id):
            logging_broker.info("registration accepted", registration_id=registration.id)
        return accepted_response(registration.id)

    @app.get(
        "/v1/registrations/{registration_id}",
        response_model=RegistrationStatusBody,
        responses=REFUSALS,
        summary="The status of a registration and of each of its concerns",
    )
    async def get_registration(
        request: Request,
        registration_id: UUID,
        client: Annotated[Client, Depends(authenticated)],
    ) -> RegistrationStatusBody:
        note_correlation_id(request, str(registration_id))
        registration = await acceptance.retrieve_registration_by_id(str(registration_id), client)
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


def accepted_response(registration_id: str) -> Response:
    """The 202, encoded here: the body is two strings, no model to validate it again."""
    url = status_url(registration_id)
    body = json.dumps({"registration_id": registration_id, "status_url": url})
    return Response(
        body,
        status_code=HTTPStatus.ACCEPTED,
        media_type="application/json",
        headers={"Location": url},
    )
