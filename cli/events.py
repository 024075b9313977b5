"""``culdesac publish``: publish one event, validated against its type."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from cli.help import QUEUE_SETTINGS, environment_help
from cli.support import connected_queue_broker, console, run, settings_or_exit


def register(app: typer.Typer) -> None:
    app.command(cls=environment_help(*QUEUE_SETTINGS))(publish)


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
    from pydantic import ValidationError

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
    except json.JSONDecodeError as error:
        console.print(f"[red]error:[/red] {event_type} data is not JSON: {error}")
        raise typer.Exit(2) from error
    except ValidationError as error:
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
