"""``culdesac ingress``: serve the HTTP ingress."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.help import environment_help
from cli.support import run, settings_or_exit


def register(app: typer.Typer) -> None:
    app.command(cls=environment_help(*INGRESS_SETTINGS))(ingress)


INGRESS_SETTINGS = (
    "amqp_url",
    "mongodb_url",
    "mongodb_database",
    "namespace",
    "log_format",
    "log_level",
    "shutdown_timeout",
    "max_body_bytes",
    "api_key_cache_seconds",
    "startup_timeout",
)


def ingress(
    host: Annotated[
        str, typer.Option(envvar="CULDESAC_INGRESS_HOST", help="Address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(min=1, max=65535, envvar="CULDESAC_INGRESS_PORT", help="Port to listen on."),
    ] = 8000,
) -> None:
    """Serve the HTTP ingress until SIGTERM or Ctrl-C, letting requests in flight finish."""
    import uvloop

    from ingress.server import run_ingress

    settings = settings_or_exit()
    # uvloop, as uvicorn picks by itself when it runs the loop: a cheaper loop per request.
    run(lambda: run_ingress(settings, host, port), uvloop.new_event_loop)
