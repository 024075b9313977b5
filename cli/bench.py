"""``culdesac bench``: run the benchmarks of a source checkout."""

from __future__ import annotations

import sys

import typer

from cli.support import console


def register(app: typer.Typer) -> None:
    app.command(
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,
    )(bench)


def bench(context: typer.Context) -> None:
    """Run the benchmarks of bench/ (a source checkout with dev dependencies); try --help."""
    try:
        from bench.__main__ import main as run_bench
    except ImportError as error:
        console.print(
            "[red]error:[/red] the benchmarks run from a source checkout "
            "with the dev dependencies: make bench",
            soft_wrap=True,
        )
        raise typer.Exit(2) from error
    sys.argv = ["culdesac bench", *context.args]
    run_bench()
