"""One access line per HTTP request, refusals included: no body, no query, no personal data.

``method``, the route template (never the raw path), ``status``, ``duration_ms``, the client's
name (an API key's name) and the correlation id (the registration id) when there is one.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from starlette.types import ASGIApp, Scope

from brokers.loggings import LoggingBroker
from ingress.observed_requests import ObservedRequestMiddleware, route_of

CLIENT = "access_client"
CORRELATION_ID = "access_correlation_id"


def note_client(request: Request, name: str) -> None:
    setattr(request.state, CLIENT, name)


def note_correlation_id(request: Request, correlation_id: str) -> None:
    setattr(request.state, CORRELATION_ID, correlation_id)


class AccessLogMiddleware(ObservedRequestMiddleware):
    def __init__(self, app: ASGIApp, logging_broker: LoggingBroker) -> None:
        super().__init__(app)
        self.logging_broker = logging_broker

    def observe(self, scope: Scope, status: int, duration_seconds: float) -> None:
        state: dict[str, Any] = scope.get("state") or {}
        fields = {
            "method": str(scope["method"]),
            "route": route_of(scope),
            "status": status,
            "duration_ms": round(duration_seconds * 1000, 1),
            "client": state.get(CLIENT),
            "correlation_id": state.get(CORRELATION_ID),
        }
        if status >= HTTPStatus.INTERNAL_SERVER_ERROR:
            self.logging_broker.warning("http request", **fields)
        else:
            self.logging_broker.info("http request", **fields)


def install_access_log(app: FastAPI, logging_broker: LoggingBroker) -> None:
    app.add_middleware(AccessLogMiddleware, logging_broker=logging_broker)
