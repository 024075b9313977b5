"""A worker process's own HTTP endpoint: ``/metrics``, ``/healthz`` and ``/readyz``.

It answers from a thread of its own, so a scrape never waits behind message handling.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING
from wsgiref.simple_server import WSGIRequestHandler, make_server

from prometheus_client import make_wsgi_app
from prometheus_client.exposition import ThreadingWSGIServer

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

    from brokers.metrics.metrics_broker import PrometheusMetricsBroker

Readiness = Callable[[], bool]
# Each answer gets a list of its own: the server appends Content-Length to the one it is given.
JSON_TYPE = ("Content-Type", "application/json")


class MetricsPortUnavailableError(Exception):
    """The metrics port could not be bound: taken by another process, or not allowed."""

    def __init__(self, port: int, error: OSError) -> None:
        super().__init__(f"metrics port {port} is unavailable ({error.strerror or error})")
        self.port = port


class QuietRequestHandler(WSGIRequestHandler):
    """Scrapes and probes are frequent: no access line for each of them."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class MetricsServer:
    """Serves the metrics of one broker, and the process's liveness and readiness."""

    def __init__(self, metrics: PrometheusMetricsBroker, readiness: Readiness) -> None:
        self._metrics_app = make_wsgi_app(metrics.registry)
        self._readiness = readiness
        self._server: ThreadingWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return 0 if self._server is None else self._server.server_port

    def start(self, host: str, port: int) -> None:
        """Serve on ``host:port``; raises ``MetricsPortUnavailableError`` when it cannot bind."""
        try:
            server = make_server(
                host, port, self._app, ThreadingWSGIServer, handler_class=QuietRequestHandler
            )
        except OSError as error:
            raise MetricsPortUnavailableError(port, error) from error
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, name="metrics-server", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def _app(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            start_response(status_line(HTTPStatus.OK), [JSON_TYPE])
            return [b'{"status":"alive"}']
        if path == "/readyz":
            ready = self._readiness()
            start_response(
                status_line(HTTPStatus.OK if ready else HTTPStatus.SERVICE_UNAVAILABLE), [JSON_TYPE]
            )
            return [b'{"status":"ready"}' if ready else b'{"status":"unavailable"}']
        if path == "/metrics":
            body: Iterable[bytes] = self._metrics_app(environ, start_response)
            return body
        start_response(status_line(HTTPStatus.NOT_FOUND), [JSON_TYPE])
        return [b'{"status":"not found"}']


def status_line(status: HTTPStatus) -> str:
    return f"{status.value} {status.phrase}"
