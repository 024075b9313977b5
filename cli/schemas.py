"""``culdesac schema``: print the events' JSON Schemas or the AsyncAPI document."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

import typer

from cli.support import settings_or_exit


def register(app: typer.Typer) -> None:
    app.command()(schema)


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
