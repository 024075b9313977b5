"""A pure ASGI middleware that tells, once each HTTP request is answered, its status and time.

The access log and the HTTP metrics both need the status sent and the time it took; each is a
subclass saying what to do with them. Pure ASGI (no ``BaseHTTPMiddleware``) keeps it to one
wrapped ``send`` per request, with no task or stream of its own.
"""

from __future__ import annotations

import time
from http import HTTPStatus

from starlette.types import ASGIApp, Message, Receive, Scope, Send

UNMATCHED_ROUTE = "unmatched"


class ObservedRequestMiddleware:
    """Calls ``observe`` after every HTTP request, errors included (then with a 500)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

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
            self.observe(scope, int(status), time.monotonic() - started)

    def observe(self, scope: Scope, status: int, duration_seconds: float) -> None:
        raise NotImplementedError


def route_of(scope: Scope) -> str:
    """The matched route's template (never the raw path with its ids), or ``unmatched``."""
    return getattr(scope.get("route"), "path", UNMATCHED_ROUTE)
