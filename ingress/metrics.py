"""The ingress's metrics: every answered request timed and counted, served on ``/metrics``."""

from __future__ import annotations

import time
from http import HTTPStatus

from fastapi import FastAPI, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from brokers.metrics import MetricsBroker

ACCEPT_ROUTE = ("POST", "/v1/registrations")
UNMATCHED_ROUTE = "unmatched"


class HttpMetricsMiddleware:
    """Counts each answer by route template (never the raw path, whose ids are unbounded)."""

    def __init__(self, app: ASGIApp, metrics: MetricsBroker) -> None:
        self.app = app
        self.metrics = metrics

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
            self.observe(scope, status, time.monotonic() - started)

    def observe(self, scope: Scope, status: int, duration_seconds: float) -> None:
        route = getattr(scope.get("route"), "path", UNMATCHED_ROUTE)
        method = str(scope["method"])
        self.metrics.observe_http_request(route, method, status, duration_seconds)
        if (method, route) == ACCEPT_ROUTE and status == HTTPStatus.ACCEPTED:
            self.metrics.count_registration("accepted")


def install_metrics(app: FastAPI, metrics: MetricsBroker) -> None:
    """Time every request, and serve this process's metrics on ``/metrics``."""
    app.add_middleware(HttpMetricsMiddleware, metrics=metrics)

    async def scrape() -> Response:
        return Response(metrics.exposition(), media_type=metrics.content_type)

    app.add_api_route("/metrics", scrape, methods=["GET"], include_in_schema=False)
