"""The ingress's metrics: every answered request timed and counted, served on ``/metrics``."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Response
from starlette.types import ASGIApp, Scope

from brokers.metrics import MetricsBroker
from ingress.observed_requests import ObservedRequestMiddleware, route_of

ACCEPT_ROUTE = ("POST", "/v1/registrations")


class HttpMetricsMiddleware(ObservedRequestMiddleware):
    """Counts each answer by route template (never the raw path, whose ids are unbounded)."""

    def __init__(self, app: ASGIApp, metrics: MetricsBroker) -> None:
        super().__init__(app)
        self.metrics = metrics

    def observe(self, scope: Scope, status: int, duration_seconds: float) -> None:
        route = route_of(scope)
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
