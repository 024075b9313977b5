"""Connecting the ingress in the background, so that it listens (and answers probes) at once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from http import HTTPStatus

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from brokers.storages import short_message
from hosting.brokers import Brokers
from hosting.startup import connect_brokers
from hosting.topology import worker_topologies
from ingress.authentication import ClientAuthentication
from ingress.errors import RETRY_AFTER_SECONDS, error_response

# Probes and documentation answer while connecting; everything else waits for the services.
ALWAYS_SERVED = ("/healthz", "/readyz", "/openapi.json", "/docs", "/redoc")


NO_KEYS_WARNING = (
    "no API keys: requests without credentials are served as one anonymous local client, "
    "on this loopback address only; create a key with `culdesac api-keys create NAME`"
)


class NoApiKeysError(Exception):
    """The ingress listens beyond loopback and no client could ever authenticate."""

    def __init__(self) -> None:
        super().__init__(
            "no API keys: refusing to serve on a non-loopback address; "
            "create one with `culdesac api-keys create NAME`"
        )


class IngressStartup:
    """Waits for RabbitMQ and MongoDB (as long as ``patience`` says, ``None`` for ever).

    Until both answered, requests other than the probes get 503 with ``Retry-After``. When the
    patience runs out, ``failure`` holds the last error and ``on_give_up`` is called, so that
    the server stops and the process exits non-zero.
    """

    def __init__(self, patience: float | None) -> None:
        self.patience = patience
        self.connected = False
        self.failure: BaseException | None = None
        self.on_give_up: Callable[[], None] = lambda: None
        self._task: asyncio.Task[None] | None = None
        self._authentication: ClientAuthentication | None = None

    def start(self, brokers: Brokers) -> None:
        self._task = asyncio.ensure_future(self._connect(brokers))
        self._task.add_done_callback(lambda task: self._finished(task, brokers))

    async def _connect(self, brokers: Brokers) -> None:
        # The topology is declared so a confirmed publish is never one that no queue received.
        await connect_brokers(brokers, worker_topologies(), self.patience)
        authentication = self._authentication
        if authentication is None or await authentication.has_active_api_keys():
            return
        if not authentication.open_on_loopback:
            raise NoApiKeysError
        brokers.logging.warning(NO_KEYS_WARNING)

    async def stop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
            await asyncio.wait({self._task})

    def _finished(self, task: asyncio.Task[None], brokers: Brokers) -> None:
        if task.cancelled():
            return
        failure = task.exception()
        if failure is None:
            self.connected = True
            brokers.logging.info("ingress connected")
            return
        self.failure = failure
        if isinstance(failure, NoApiKeysError):
            brokers.logging.error(str(failure))
        else:
            brokers.logging.error(
                "gave up waiting for backing services", error=short_message(failure)
            )
        self.on_give_up()

    def install(self, app: FastAPI, authentication: ClientAuthentication | None = None) -> None:
        """Answer 503 (with ``Retry-After``) to what needs the services while connecting.

        Once connected, with ``authentication``, check that clients can authenticate: no
        active key is a warning on loopback, and a refusal to serve anywhere else.
        """
        self._authentication = authentication
        app.add_middleware(ConnectingGateMiddleware, startup=self)


class ConnectingGateMiddleware:
    """Pure ASGI (no ``BaseHTTPMiddleware``): once connected, one attribute read per request."""

    def __init__(self, app: ASGIApp, startup: IngressStartup) -> None:
        self.app = app
        self.startup = startup

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.startup.connected or scope["type"] != "http" or scope["path"] in ALWAYS_SERVED:
            await self.app(scope, receive, send)
            return
        response = error_response(
            HTTPStatus.SERVICE_UNAVAILABLE,
            "The ingress is still connecting to its backing services; try again later.",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            instance=scope["path"],
        )
        await response(scope, receive, send)
