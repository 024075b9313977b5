"""``culdesac bench``: run the benchmarks of a source checkout.

The benchmark's options are those of ``python -m bench`` (its one argument parser); ``--help``
shows them in the style of every other command.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import typer

from cli.help import CommandWithEnvironment, environment_help, print_panel
from cli.support import console

BENCH_DEFAULTS = {"mongodb_url": "a SecantusDB started for the run"}
NOT_IN_A_WHEEL = (
    "[red]error:[/red] the benchmarks run from a source checkout with the dev dependencies: "
    "make bench"
)


def register(app: typer.Typer) -> None:
    app.command(
        cls=bench_help_command(),
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    )(bench)


def bench_help_command() -> type[CommandWithEnvironment]:
    base = environment_help("amqp_url", "mongodb_url", defaults=BENCH_DEFAULTS)

    class BenchCommand(base):  # type: ignore[valid-type,misc]
        def format_help(self, ctx: Any, formatter: Any) -> None:
            super().format_help(ctx, formatter)
            rows = bench_option_rows()
            if rows is None:
                console.print(NOT_IN_A_WHEEL, soft_wrap=True)
            else:
                print_panel("Benchmark options", rows)

    return BenchCommand


def bench_option_rows() -> list[tuple[str, str]] | None:
    """(option, help with its default) of each option of ``python -m bench``."""
    try:
        from bench.__main__ import parser
    except ImportError:
        return None
    rows = []
    for action in parser()._actions:  # noqa: SLF001 - argparse lists its options only there
        if isinstance(action, argparse._HelpAction):  # noqa: SLF001
            continue
        names = ", ".join(action.option_strings)
        choices = f" ({'|'.join(map(str, action.choices))})" if action.choices else ""
        default = "" if action.default is None else f" [dim]\\[default: {action.default}][/dim]"
        rows.append((names, f"{action.help or ''}{choices}{default}".strip()))
    return rows


def bench(context: typer.Context) -> None:
    """Run the benchmarks of bench/ on the local RabbitMQ and MongoDB (a source checkout)."""
    try:
        from bench.__main__ import main as run_bench
    except ImportError as error:
        console.print(NOT_IN_A_WHEEL, soft_wrap=True)
        raise typer.Exit(2) from error
    sys.argv = ["culdesac bench", *context.args]
    run_bench()
