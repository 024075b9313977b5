"""``culdesac worker``: run workers in this process."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.help import EVERY_SETTING, environment_help
from cli.support import console, run, settings_or_exit


def register(app: typer.Typer) -> None:
    app.command(cls=environment_help(EVERY_SETTING, details=worker_list))(worker)


def worker_list() -> str:
    from contracts.workers import WORKER_BINDINGS

    described = ", ".join(f"{name} ({' '.join(types)})" for name, types in WORKER_BINDINGS.items())
    return f"Workers and the events they take: {described}."


def worker(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="NAME", help="Workers to run, e.g. student contact.", show_default=False
        ),
    ] = None,
    run_all: Annotated[
        bool, typer.Option("--all", help="Run every worker in this process.")
    ] = False,
) -> None:
    """Run workers until SIGTERM or Ctrl-C, then finish the messages in flight and exit."""
    from contracts.workers import WORKER_NAMES as WORKERS
    from workers.host import run_workers

    chosen = list(WORKERS) if run_all else list(names or [])
    if not chosen:
        console.print(f"[red]error:[/red] name a worker ({', '.join(WORKERS)}) or pass --all")
        raise typer.Exit(2)
    unknown = [name for name in chosen if name not in WORKERS]
    if unknown:
        console.print(
            f"[red]error:[/red] unknown worker {', '.join(map(repr, unknown))}; "
            f"known: {', '.join(WORKERS)}"
        )
        raise typer.Exit(2)
    settings = settings_or_exit()
    run(lambda: run_workers(chosen, settings))
