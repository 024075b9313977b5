"""One access line per HTTP request, refusals included: no body, no query, no personal data.

``method``, the route template (never the raw path), ``status``, ``duration_ms``, the client's
name (an API key's name) and the correlation id (the registration id) when there is one.
"""

from __future__ import annotations

import time
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from brokers.loggings import LoggingBroker

UNMATCHED_ROUTE = "unmatched"
CLIENT = "access_client"
CORRELATION_ID = "access_correlation_id"


def note_client(request: Request, name: str) -> None:
    setattr(request.state, CLIENT, name)


def note_correlation_id(request: Request, correlation_id: str) -> None:
    setattr(request.state, CORRELATION_ID, correlation_id)


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp, logging_broker: LoggingBroker) -> None:
        self.app = app
        self.logging_broker = logging_broker

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        status = HTTPStatus.INTERNAL_SERVER_ERROR.value

        async def noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noting_status)
        finally:
            self.log(scope, status, time.monotonic() - started)

    def log(self, scope: Scope, status: int, duration_seconds: float) -> None:
        state: dict[str, Any] = scope.get("state") or {}
        fields = {
            "method": str(scope["method"]),
            "route": getattr(scope.get("route"), "path", UNMATCHED_ROUTE),
            "status": int(status),
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
