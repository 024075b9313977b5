"""``culdesac status``: every worker queue and the pending registrations, live or once."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Group
from rich.live import Live
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from cli.help import QUEUE_SETTINGS, environment_help
from cli.support import console, naming, run, settings_or_exit

# The brokers and drivers load when the command runs, so that ``culdesac --help`` stays quick.
if TYPE_CHECKING:
    from cli.status_snapshot import StatusSnapshot
    from hosting.settings import Settings

Format = Literal["table", "json"]
NO_RATES = "rates need the RabbitMQ management plugin (CULDESAC_MANAGEMENT_URL)"


def register(app: typer.Typer) -> None:
    watched = (*QUEUE_SETTINGS, "mongodb_url", "mongodb_database", "retry_delays", "management_url")
    app.command("status", cls=environment_help(*watched))(status)


def status(
    once: Annotated[bool, typer.Option("--once", help="Print the status once and exit.")] = False,
    output: Annotated[
        Format, typer.Option("--format", help="A table, or JSON (one object per refresh).")
    ] = "table",
    interval: Annotated[
        float, typer.Option(min=0.2, help="Seconds between refreshes of the live view.")
    ] = 2.0,
) -> None:
    """Show worker queues and pending registrations, refreshed until Ctrl-C (or --once).

    Each worker queue's depth, consumers, messages per second in and out, retries waiting and
    dead letters; the registrations not yet completed or failed, with the age of the oldest.
    """
    settings = settings_or_exit()
    run(lambda: watch_status(settings, once=once, output=output, interval=interval))


async def watch_status(settings: Settings, *, once: bool, output: Format, interval: float) -> None:
    from brokers.queues.topology import QueueNames, retry_tiers
    from contracts.workers import WORKER_NAMES
    from hosting.brokers import connected_queue_statistics, create_storage_broker

    # The client logs its failed connect too; the command's own error line says it once.
    for client in ("aio_pika", "aiormq"):
        logging.getLogger(client).setLevel(logging.CRITICAL)
    statistics = await connected_queue_statistics(settings)
    storage = create_storage_broker(settings)
    try:
        await storage.initialize()

        async def snapshot() -> StatusSnapshot:
            from cli.status_snapshot import read_status

            return await read_status(
                statistics,
                storage,
                QueueNames(settings.namespace),
                retry_tiers(settings.retry_delays),
                list(WORKER_NAMES),
                now=datetime.now(UTC),
            )

        # The first reading fails the command when a service is away; later ones only say so.
        first = await snapshot()
        if once:
            show_once(first, output)
        elif output == "json":
            await print_json_lines(first, snapshot, interval)
        else:
            await show_live(first, snapshot, interval)
    finally:
        await storage.close()
        await statistics.close()


def show_once(snapshot: StatusSnapshot, output: Format) -> None:
    if output == "json":
        typer.echo(json.dumps(snapshot.to_json()))
    else:
        console.print(render(snapshot, None), soft_wrap=True)


async def print_json_lines(
    first: StatusSnapshot, snapshot: Callable[[], Awaitable[StatusSnapshot]], interval: float
) -> None:
    typer.echo(json.dumps(first.to_json()))
    while True:
        await asyncio.sleep(interval)
        reading, error = await attempt(snapshot)
        if reading is not None:
            typer.echo(json.dumps(reading.to_json()))
        else:
            typer.echo(json.dumps({"error": error}))


async def show_live(
    first: StatusSnapshot, snapshot: Callable[[], Awaitable[StatusSnapshot]], interval: float
) -> None:
    from rich.console import Console

    last = first
    with Live(render(first, None), console=Console(), auto_refresh=False) as live:
        while True:
            await asyncio.sleep(interval)
            reading, error = await attempt(snapshot)
            last = reading or last
            live.update(render(last, error), refresh=True)


async def attempt(
    snapshot: Callable[[], Awaitable[StatusSnapshot]],
) -> tuple[StatusSnapshot | None, str | None]:
    """A reading, or the one line saying which service did not answer."""
    from brokers.queues import QueueUnavailableError
    from brokers.storages import STORAGE_UNAVAILABLE_ERRORS, short_message

    try:
        return await snapshot(), None
    except QueueUnavailableError as error:
        return None, naming("RabbitMQ", short_message(error))
    except STORAGE_UNAVAILABLE_ERRORS as error:
        return None, naming("MongoDB", short_message(error))


def render(snapshot: StatusSnapshot, error: str | None) -> Group:
    table = Table(
        title=f"culdesac status at {snapshot.taken_at:%H:%M:%S} UTC",
        caption=None if snapshot.source == "management" else NO_RATES,
        title_justify="left",
    )
    for column in ("worker", "queue", "depth", "consumers", "in/s", "out/s", "retrying", "dead"):
        table.add_column(column, justify="left" if column in ("worker", "queue") else "right")
    for worker in snapshot.workers:
        table.add_row(
            worker.worker,
            worker.queue if worker.depth is not None else f"{worker.queue} (not declared)",
            cell(worker.depth),
            cell(worker.consumers),
            cell(worker.in_per_second),
            cell(worker.out_per_second),
            cell(worker.retries_waiting),
            Text(cell(worker.dead_letters), style="red" if worker.dead_letters else ""),
        )
    age = snapshot.oldest_pending_age_seconds
    pending = Text(
        f"registrations pending: {snapshot.pending_registrations}"
        + ("" if age is None else f", oldest accepted {age:.1f}s ago")
    )
    parts: list[Table | Text] = [table, pending]
    if error is not None:
        parts.append(
            Text.from_markup(f"[red]error:[/red] {escape(error)} (showing the last reading)")
        )
    return Group(*parts)


def cell(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" if isinstance(value, float) else str(value)
