"""``culdesac``: run workers, publish events, look after dead letters, print schemas.

Each command group lives in its own module of this package with a ``register(app)``; adding a
group is a new module and one line at the end of this one.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from cli import (
    api_keys,
    bench,
    dead_letters,
    demo,
    events,
    ingress,
    registrations,
    schemas,
    status,
    topology,
    workers,
)

app = typer.Typer(
    help="Culdesac: event-driven workers in the cul-de-sac manner of The Standard.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"culdesac {version('culdesac')}")
        raise typer.Exit


@app.callback()
def culdesac(
    _version: Annotated[
        bool,
        typer.Option(
            "--version", callback=print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Culdesac: event-driven workers in the cul-de-sac manner of The Standard."""


# The order of --help's list of commands.
workers.register(app)
ingress.register(app)
topology.register(app)
dead_letters.register(app)
status.register(app)
registrations.register(app)
api_keys.register(app)
events.register(app)
schemas.register(app)
bench.register(app)
demo.register(app)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
