"""``culdesac registration``: look up registrations in the ledger."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from cli.support import console, run, settings_or_exit

registration_app = typer.Typer(help="Look up registrations.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(registration_app, name="registration")


@registration_app.command("status")
def registration_status(
    registration_id: Annotated[str, typer.Argument(metavar="ID", help="The registration id.")],
) -> None:
    """Print a registration's status and each concern's, from the ledger (exit 1 if unknown)."""
    from contracts.registrations import ConcernState
    from hosting.brokers import create_storage_broker
    from services.foundations.registrations.registration_service_mappings import (
        map_to_overall_status,
    )

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
