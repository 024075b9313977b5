"""The ingress's traces: each request continues its caller's ``traceparent``, or starts one."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from brokers.tracings import TracingBroker


class TracingMiddleware:
    """A server span per request; what the request publishes carries it on to the workers."""

    def __init__(self, app: ASGIApp, tracing: TracingBroker) -> None:
        self.app = app
        self.tracing = tracing

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = str(scope["method"])
        # HTTP header names come lowercased, as the propagators look them up.
        headers = {
            name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]
        }
        with self.tracing.continue_trace(
            headers, method, "server", {"http.request.method": method}
        ) as span:

            async def noting_status(message: Message) -> None:
                if message["type"] == "http.response.start":
                    span.set_attribute("http.response.status_code", int(message["status"]))
                await send(message)

            try:
                await self.app(scope, receive, noting_status)
            except Exception:
                span.set_attribute("http.response.status_code", HTTPStatus.INTERNAL_SERVER_ERROR)
                raise
            finally:
                # The route template, known once routed: never the raw path with its ids.
                route = getattr(scope.get("route"), "path", None)
                if route is not None:
                    span.update_name(f"{method} {route}")
                    span.set_attribute("http.route", route)


def install_tracing(app: FastAPI, tracing: TracingBroker) -> None:
    """Trace every request, in the trace its ``traceparent`` header names."""
    app.add_middleware(TracingMiddleware, tracing=tracing)
