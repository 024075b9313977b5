"""``culdesac demo``: the ingress and every worker in one process, fed N registrations over HTTP."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from cli.support import console, run


def register(app: typer.Typer) -> None:
    app.command()(demo)


def demo(
    count: Annotated[
        int, typer.Option("-n", "--count", min=1, max=100_000, help="Registrations to post.")
    ] = 200,
    seed: Annotated[int, typer.Option(help="Seed of the generated registrations.")] = 7,
) -> None:
    """Run the ingress and every worker in this process and post N registrations over HTTP.

    Uses the in-memory broker and store unless CULDESAC_AMQP_URL / CULDESAC_MONGODB_URL are set;
    shows progress while the registrations become consistent, then a summary with timings.
    """
    import os

    from cli.demo_run import print_summary, run_demo
    from hosting.settings import MEMORY_URL, SettingsError, load_settings

    try:
        settings = load_settings(
            amqp_url=os.environ.get("CULDESAC_AMQP_URL", MEMORY_URL),
            mongodb_url=os.environ.get("CULDESAC_MONGODB_URL", MEMORY_URL),
        )
    except SettingsError as error:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from error
    out = Console()
    out.print(
        f"queue: {settings.amqp_url}  storage: {settings.mongodb_url}  registrations: {count}"
    )
    result = run(lambda: run_demo(settings, count, seed, out))
    print_summary(result, out)
    if len(result.finished) < len(result.accepted) or result.refused:
        raise typer.Exit(1)
