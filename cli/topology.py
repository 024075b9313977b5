"""``culdesac topology``: declare the RabbitMQ topology."""

from __future__ import annotations

import typer

from cli.support import connected_queue_broker, console, run, settings_or_exit

topology_app = typer.Typer(help="Declare the RabbitMQ topology.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(topology_app, name="topology")


@topology_app.command("declare")
def topology_declare() -> None:
    """Declare the exchange and every worker's queues (idempotent)."""
    from contracts.workers import WORKER_NAMES
    from hosting.topology import worker_topologies

    settings = settings_or_exit()

    async def declare() -> None:
        async with connected_queue_broker(settings) as queue:
            await queue.declare_topology(worker_topologies())

    run(declare)
    console.print(
        f"declared exchange {settings.namespace}.events and queues of {', '.join(WORKER_NAMES)}"
    )
