"""``culdesac dead-letters``: look at, replay or purge what workers dead-lettered.

Every command works while workers run: dead-letter queues have no consumers, and a listing puts
each message back where it was.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from brokers.queues import DeadLetteredMessage, QueueBroker
from cli.support import connected_queue_broker, console, run, settings_or_exit

dead_letters_app = typer.Typer(
    help="List, replay or purge dead-lettered messages.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(dead_letters_app, name="dead-letters")


WorkerOption = Annotated[
    str | None, typer.Option("--worker", "-w", help="Only this worker's dead letters.")
]


def worker_names(worker: str | None) -> list[str]:
    from contracts.workers import WORKER_NAMES as WORKERS

    if worker is None:
        return list(WORKERS)
    if worker not in WORKERS:
        console.print(f"[red]error:[/red] unknown worker {worker!r}; known: {', '.join(WORKERS)}")
        raise typer.Exit(2)
    return [worker]


def progress_bar(description: str) -> Progress:
    return Progress(
        TextColumn(description),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    )


async def dead_counts(queue: QueueBroker, names: Sequence[str]) -> dict[str, int]:
    return {name: (await queue.count_messages(name))["dead"] for name in names}


@dead_letters_app.command("list")
def dead_letters_list(
    worker: WorkerOption = None,
    output: Annotated[
        Literal["table", "json"], typer.Option("--format", help="A table, or JSON lines.")
    ] = "table",
) -> None:
    """Show every dead-lettered message (type, ids, reason, category, time, attempts)."""
    settings = settings_or_exit()
    names = worker_names(worker)

    async def collect() -> list[DeadLetteredMessage]:
        async with connected_queue_broker(settings) as queue:
            counts = await dead_counts(queue, names)
            found: list[DeadLetteredMessage] = []
            with progress_bar("reading dead letters") as progress:
                task = progress.add_task("read", total=sum(counts.values()))
                for name in names:
                    found.extend(
                        await queue.list_dead_letters(name, lambda: progress.advance(task))
                    )
            return found

    letters = run(collect)
    if output == "json":
        for letter in letters:
            typer.echo(json.dumps(as_json(letter)))
        return
    table = Table(title=f"{len(letters)} dead-lettered message(s)")
    columns = ("worker", "type", "id", "correlation id", "category", "attempts", "at", "reason")
    for column in columns:
        table.add_column(column, overflow="fold")
    for letter in letters:
        table.add_row(
            letter.worker,
            letter.routing_key,
            letter.message_id or "",
            letter.correlation_id or "",
            letter.category,
            str(letter.attempt),
            letter.dead_lettered_at,
            letter.reason,
        )
    Console().print(table)


def as_json(letter: DeadLetteredMessage) -> dict[str, object]:
    return {
        "worker": letter.worker,
        "type": letter.routing_key,
        "id": letter.message_id,
        "correlation_id": letter.correlation_id,
        "category": letter.category,
        "attempts": letter.attempt,
        "dead_lettered_at": letter.dead_lettered_at,
        "reason": letter.reason,
    }


@dead_letters_app.command("replay")
def dead_letters_replay(
    worker: WorkerOption = None,
    ids: Annotated[
        list[str] | None, typer.Option("--id", help="Only messages with these ids (repeatable).")
    ] = None,
) -> None:
    """Put dead letters back on their worker's queue, keeping ids and correlation ids."""
    settings = settings_or_exit()
    names = worker_names(worker)

    async def replay() -> int:
        async with connected_queue_broker(settings) as queue:
            counts = await dead_counts(queue, names)
            total = 0
            with progress_bar("replaying dead letters") as progress:
                task = progress.add_task("replay", total=sum(counts.values()))
                for name in names:
                    total += await queue.replay_dead_letters(
                        name, ids or None, lambda: progress.advance(task)
                    )
            return total

    replayed = run(replay)
    console.print(f"replayed {replayed} message(s)")
    if ids and replayed < len(set(ids)):
        console.print(f"[yellow]{len(set(ids)) - replayed} of the given ids were not found[/]")
        raise typer.Exit(1)


@dead_letters_app.command("purge")
def dead_letters_purge(
    worker: WorkerOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask for confirmation.")] = False,
) -> None:
    """Delete dead letters for good (asks first unless --yes)."""
    settings = settings_or_exit()
    names = worker_names(worker)

    async def count() -> dict[str, int]:
        async with connected_queue_broker(settings) as queue:
            return await dead_counts(queue, names)

    counts = run(count)
    if not sum(counts.values()):
        console.print("no dead letters to purge")
        return
    if not yes:
        described = ", ".join(f"{n} of {name}" for name, n in counts.items() if n) or "none"
        typer.confirm(f"Delete {sum(counts.values())} dead letter(s) ({described})?", abort=True)

    async def purge() -> int:
        async with connected_queue_broker(settings) as queue:
            return sum([await queue.purge_dead_letters(name) for name in names])

    console.print(f"purged {run(purge)} message(s)")
