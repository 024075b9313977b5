"""``culdesac ingress``: serve the HTTP ingress."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.support import run, settings_or_exit


def register(app: typer.Typer) -> None:
    app.command()(ingress)


def ingress(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP ingress until SIGTERM or Ctrl-C, letting requests in flight finish."""
    from ingress.server import run_ingress

    settings = settings_or_exit()
    run(lambda: run_ingress(settings, host, port))
