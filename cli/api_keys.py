"""``culdesac api-keys``: create, list and revoke the keys clients of the ingress authenticate with.

A key's token is printed once, at creation, alone on stdout (so ``TOKEN=$(culdesac api-keys
create NAME)`` keeps it); MongoDB holds only its SHA-256. The ingress trusts a verified key for
``CULDESAC_API_KEY_CACHE_SECONDS`` (default 5), so a revocation bites within that time.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cli.support import console, run, settings_or_exit
from contracts.errors import CategorizedError

api_keys_app = typer.Typer(
    help="Create, list or revoke the API keys clients of the ingress use.", no_args_is_help=True
)

T = TypeVar("T")


def register(app: typer.Typer) -> None:
    app.add_typer(api_keys_app, name="api-keys")


NameArgument = Annotated[
    str, typer.Argument(metavar="NAME", help="The client's name: letters, digits, '.', '_', '-'.")
]


def with_api_keys(action: Callable[..., Awaitable[T]]) -> T:
    """Run ``action(processing_service)`` over a connected store; a refusal is one line, exit 1."""
    from brokers.loggings import configure_logging
    from hosting.brokers import create_brokers
    from ingress.composition import compose_api_key_processing

    settings = settings_or_exit()
    # The command's own line tells a failure; the services' log lines would say it twice.
    configure_logging("CRITICAL", settings.log_format)
    logging.getLogger().setLevel(logging.CRITICAL + 1)

    async def act() -> T:
        brokers = create_brokers(settings, None, "culdesac-cli")
        await brokers.storage.initialize()
        try:
            return await action(compose_api_key_processing(brokers))
        finally:
            await brokers.storage.close()

    try:
        return run(act)
    except CategorizedError as error:
        console.print(f"[red]error:[/red] {escape(error.inner_error.message)}", soft_wrap=True)
        raise typer.Exit(1) from error


def when(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat(timespec="seconds")


@api_keys_app.command("create")
def api_keys_create(name: NameArgument) -> None:
    """Create a key and print its token, once: keep it, it cannot be shown again."""
    created = with_api_keys(lambda service: service.create_api_key(name))
    console.print(
        f"created API key {escape(name)} (id {created.api_key.id}); "
        "its token follows, shown this once:"
    )
    typer.echo(created.token)


@api_keys_app.command("list")
def api_keys_list() -> None:
    """Every key's name, id, and creation and revocation times; never a secret."""
    keys = with_api_keys(lambda service: service.retrieve_all_api_keys())
    table = Table("name", "id", "created", "revoked")
    for api_key in keys:
        table.add_row(api_key.name, api_key.id, when(api_key.created_at), when(api_key.revoked_at))
    if keys:
        Console().print(table)
    else:
        console.print("no API keys")


@api_keys_app.command("revoke")
def api_keys_revoke(name: NameArgument) -> None:
    """Revoke the active key named NAME; the ingress refuses it within its cache period."""
    revoked = with_api_keys(lambda service: service.revoke_api_key(name))
    console.print(f"revoked API key {escape(name)} (id {revoked.id}) at {when(revoked.revoked_at)}")
