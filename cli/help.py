"""One help style for every command: Typer's, plus a panel of the settings the command reads.

The settings are environment variables only (``CULDESAC_*``, read by ``hosting.settings``); each
command's ``--help`` lists the ones it reads, with their defaults taken from the settings model
itself. That model is imported only when such a help is printed, so ``culdesac --help`` and the
commands themselves start without it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from typer.core import TyperCommand

EVERY_SETTING = "*"
# What each setting does; the defaults come from hosting.settings.Settings.
DESCRIPTIONS: Mapping[str, str] = {
    "amqp_url": "RabbitMQ (comma-separated nodes of a cluster); memory:// in-process",
    "mongodb_url": "MongoDB; memory:// for the in-process store",
    "mongodb_database": "the database",
    "mongodb_timeout_ms": "ms a storage command waits for MongoDB before it counts as away",
    "namespace": "prefix of the exchange and the queues",
    "prefetch": "messages a worker queue holds unacknowledged at once",
    "batch_size": "deliveries the student worker writes at once; 1 turns batching off",
    "batch_linger_ms": "how long a delivery waits for others while a batch is written",
    "log_format": "json, console, or auto (pretty on a terminal)",
    "log_level": "DEBUG, INFO, WARNING, ERROR or CRITICAL",
    "retry_delays": "seconds, comma-separated; one retry queue per delay",
    "max_service_retries": "retries of an unexpected error before dead-lettering",
    "shutdown_timeout": "seconds to finish the messages or requests in flight",
    "max_body_bytes": "largest registration body the ingress takes",
    "api_key_cache_seconds": "seconds the ingress trusts a verified API key; 0 checks each request",
    "startup_timeout": "seconds to wait at start for RabbitMQ and MongoDB",
    "management_url": "RabbitMQ's management API for queue rates; unset: AMQP host, port 15672",
    "metrics_port": "/metrics, /healthz, /readyz of a worker process; 0 turns them off",
}
QUEUE_SETTINGS = ("amqp_url", "namespace")
STORAGE_SETTINGS = ("mongodb_url", "mongodb_database", "mongodb_timeout_ms")


def environment_help(
    *settings: str,
    defaults: Mapping[str, str] | None = None,
    details: Callable[[], str] | None = None,
) -> type[TyperCommand]:
    """A command class whose ``--help`` ends with the settings it reads (``*``: every one).

    ``defaults`` replaces a shown default (the demo's memory://); ``details`` is appended to the
    help text when it is shown, for what only an import can tell (the workers' names).
    """
    attributes = {
        "settings": settings,
        "shown_defaults": dict(defaults or {}),
        "details": (details,) if details else (),
    }
    return type("CommandWithEnvironment", (CommandWithEnvironment,), attributes)


class CommandWithEnvironment(TyperCommand):
    settings: ClassVar[tuple[str, ...]] = ()
    shown_defaults: ClassVar[dict[str, str]] = {}
    details: ClassVar[tuple[Callable[[], str], ...]] = ()

    # Typer's own click types; Any keeps the override true to them.
    def format_help(self, ctx: Any, formatter: Any) -> None:
        if self.help is not None:
            self.help = "\n\n".join([self.help, *(detail() for detail in self.details)])
        super().format_help(ctx, formatter)
        print_environment(environment_rows(self.settings, self.shown_defaults))


def environment_rows(
    settings: tuple[str, ...], shown_defaults: Mapping[str, str]
) -> list[tuple[str, str, str]]:
    """(variable, default, description) of each setting, in the settings model's order."""
    from hosting.settings import Settings, variable_of

    fields = Settings.model_fields
    chosen = list(fields) if EVERY_SETTING in settings else [f for f in fields if f in settings]
    return [
        (
            variable_of(name),
            shown_defaults.get(name) or shown_default(fields[name].default),
            DESCRIPTIONS.get(name, ""),
        )
        for name in chosen
    ]


def shown_default(value: Any) -> str:
    if value is None:
        return "unset"
    if isinstance(value, tuple):
        return ",".join(f"{item:g}" if isinstance(item, float) else str(item) for item in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def print_environment(rows: list[tuple[str, str, str]]) -> None:
    print_panel(
        "Environment",
        [
            (variable, f"{description} [dim]\\[default: {default}][/dim]")
            for variable, default, description in rows
        ],
    )


def print_panel(title: str, rows: list[tuple[str, str]]) -> None:
    """A panel of (name, text) rows, drawn like Typer's own panels of options."""
    if not rows:
        return
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(overflow="fold")
    for name, text in rows:
        table.add_row(name, text)
    Console(highlight=False).print(
        Panel(table, border_style="dim", title=title, title_align="left")
    )
