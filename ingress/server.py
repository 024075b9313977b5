"""Runs the ingress under uvicorn until SIGTERM/SIGINT, letting requests in flight finish."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from brokers.loggings import configure_logging
from hosting.settings import Settings
from ingress.composition import compose_ingress
from ingress.startup import IngressStartup, NoApiKeysError

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class IngressServer(uvicorn.Server):
    """uvicorn's server, minus re-raising the stop signal once it has shut down.

    A stop signal is how an operator ends the ingress: after a graceful shutdown the process
    exits 0 instead of dying of the signal it asked for. A second Ctrl-C still forces the exit.
    """

    @contextmanager
    def capture_signals(self) -> Iterator[None]:
        loop = asyncio.get_running_loop()
        for signum in STOP_SIGNALS:
            loop.add_signal_handler(signum, self.handle_exit, signum, None)
        try:
            yield
        finally:
            for signum in STOP_SIGNALS:
                loop.remove_signal_handler(signum)


async def run_ingress(settings: Settings, host: str, port: int) -> None:
    """Serve the ingress on ``host:port`` until stopped; in-flight requests finish first.

    It listens at once and connects in the background; when ``CULDESAC_STARTUP_TIMEOUT`` runs
    out first, the server stops and the last connection error is raised.
    """
    configure_logging(settings.log_level, settings.log_format)
    startup = IngressStartup(settings.startup_timeout)
    config = uvicorn.Config(
        compose_ingress(settings, startup, host),
        host=host,
        port=port,
        log_config=None,
        timeout_graceful_shutdown=int(settings.shutdown_timeout),
    )
    server = IngressServer(config)
    startup.on_give_up = lambda: setattr(server, "should_exit", True)
    await server.serve()
    if isinstance(startup.failure, NoApiKeysError):
        # Its one line is logged already; no traceback for an operator's missing step.
        raise SystemExit(1)
    if startup.failure is not None:
        raise startup.failure
