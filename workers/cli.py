"""``culdesac``: run workers, publish events, look after dead letters, print schemas."""

from __future__ import annotations

import json
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from pydantic import ValidationError
from rich.console import Console

from workers.cli_support import connected_queue_broker, console, run, settings_or_exit
from workers.dead_letters_cli import dead_letters_app
from workers.settings import SettingsError, load_settings
from workers.topology_cli import topology_app

app = typer.Typer(
    help="Culdesac: event-driven workers in the cul-de-sac manner of The Standard.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
registration_app = typer.Typer(help="Look up registrations.", no_args_is_help=True)
app.add_typer(topology_app, name="topology")


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


app.add_typer(dead_letters_app, name="dead-letters")
app.add_typer(registration_app, name="registration")


@app.command()
def worker(
    names: Annotated[list[str] | None, typer.Argument(help="Workers to run, e.g. student.")] = None,
    run_all: Annotated[
        bool, typer.Option("--all", help="Run every worker in this process.")
    ] = False,
) -> None:
    """Run workers until SIGTERM or Ctrl-C, then finish the messages in flight and exit."""
    from workers.host import run_workers
    from workers.registry import WORKERS

    chosen = list(WORKERS) if run_all else list(names or [])
    if not chosen:
        console.print(f"[red]error:[/red] name a worker ({', '.join(WORKERS)}) or pass --all")
        raise typer.Exit(2)
    unknown = [name for name in chosen if name not in WORKERS]
    if unknown:
        console.print(
            f"[red]error:[/red] unknown worker {', '.join(unknown)}; known: {', '.join(WORKERS)}"
        )
        raise typer.Exit(2)
    settings = settings_or_exit()
    run(lambda: run_workers(chosen, settings))


@app.command()
def ingress(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP ingress until SIGTERM or Ctrl-C, letting requests in flight finish."""
    from ingress.server import run_ingress

    settings = settings_or_exit()
    run(lambda: run_ingress(settings, host, port))


@registration_app.command("status")
def registration_status(
    registration_id: Annotated[str, typer.Argument(metavar="ID", help="The registration id.")],
) -> None:
    """Print a registration's status and each concern's, from the ledger (exit 1 if unknown)."""
    from contracts.registrations import ConcernState
    from services.foundations.registrations.registration_service_mappings import (
        map_to_overall_status,
    )
    from workers.brokers import create_storage_broker

    settings = settings_or_exit()

    async def select() -> dict[str, Any] | None:
        storage = create_storage_broker(settings)
        await storage.initialize()
        try:
            return await storage.select_registration_by_id(registration_id)
        finally:
            await storage.close()

    registration = run(select)
    if registration is None:
        console.print(f"[red]error:[/red] no registration {registration_id!r}")
        raise typer.Exit(1)
    # The entry stores each concern; the overall status is read from them.
    status = map_to_overall_status(
        ConcernState(concern.get("status")) for concern in registration.get("concerns", {}).values()
    )
    typer.echo(f"registration {registration_id}: {status}")
    for key, concern in sorted(registration.get("concerns", {}).items()):
        reason = concern.get("reason")
        typer.echo(f"  {key}: {concern.get('status')}" + (f" ({reason})" if reason else ""))


@app.command()
def publish(
    event_type: Annotated[
        str, typer.Argument(metavar="TYPE", help="Event type, e.g. student.registered.v1")
    ],
    data: Annotated[
        str | None, typer.Argument(metavar="JSON", help="The event's data as JSON.")
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the data from a file.")
    ] = None,
    correlation_id: Annotated[
        str | None, typer.Option(help="Correlation id (registration id).")
    ] = None,
    event_id: Annotated[str | None, typer.Option(help="Event id; a new UUID by default.")] = None,
) -> None:
    """Validate data against its event type and publish it as a CloudEvent, with a confirm."""
    from brokers.queues import OutgoingMessage
    from contracts.events import CLOUD_EVENTS_CONTENT_TYPE, EVENT_MODELS

    model = EVENT_MODELS.get(event_type)
    if model is None:
        console.print(
            f"[red]error:[/red] unknown event type {event_type!r}; known: {', '.join(EVENT_MODELS)}"
        )
        raise typer.Exit(2)
    if (data is None) == (file is None):
        console.print("[red]error:[/red] give the data either as JSON or with --file")
        raise typer.Exit(2)
    raw = file.read_text() if file is not None else data or ""
    identifier = event_id or str(uuid.uuid4())
    try:
        event = model.model_validate(
            {
                "specversion": "1.0",
                "id": identifier,
                "source": "urn:culdesac:cli",
                "type": event_type,
                "time": datetime.now(UTC).isoformat(),
                "data": json.loads(raw),
                **({"correlationid": correlation_id} if correlation_id else {}),
            }
        )
    except (json.JSONDecodeError, ValidationError) as error:
        console.print(f"[red]error:[/red] invalid {event_type} data:\n{error}")
        raise typer.Exit(2) from error
    settings = settings_or_exit()

    async def send() -> None:
        async with connected_queue_broker(settings) as queue:
            await queue.publish(
                OutgoingMessage(
                    routing_key=event_type,
                    body=event.to_bytes(),
                    message_id=identifier,
                    correlation_id=correlation_id,
                    content_type=CLOUD_EVENTS_CONTENT_TYPE,
                )
            )

    run(send)
    typer.echo(identifier)


@app.command()
def schema(
    output_format: Annotated[
        Literal["jsonschema", "asyncapi"], typer.Option("--format", help="What to print.")
    ] = "jsonschema",
) -> None:
    """Print the JSON Schemas of every event and model, or the AsyncAPI document."""
    from contracts.schemas import asyncapi_document, json_schemas

    document: Any = (
        json_schemas()
        if output_format == "jsonschema"
        else asyncapi_document(settings_or_exit().namespace)
    )
    typer.echo(json.dumps(document, indent=2))


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)
def bench(context: typer.Context) -> None:
    """Run the benchmarks of bench/ (a source checkout with dev dependencies); try --help."""
    try:
        from bench.__main__ import main as run_bench
    except ImportError as error:
        console.print(
            "[red]error:[/red] the benchmarks live in bench/ of a source checkout, "
            "with the dev dependencies installed (make install)"
        )
        raise typer.Exit(2) from error
    sys.argv = ["culdesac bench", *context.args]
    run_bench()


@app.command()
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

    from workers.demo import print_summary, run_demo
    from workers.settings import MEMORY_URL

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


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
