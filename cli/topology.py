"""``culdesac topology``: declare the RabbitMQ topology, and show where its queues live."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from cli.help import QUEUE_SETTINGS, environment_help
from cli.support import connected_queue_broker, console, run, settings_or_exit

if TYPE_CHECKING:
    from brokers.queues.rabbit_placements import QueuePlacement
    from hosting.settings import Settings

topology_app = typer.Typer(help="Declare the RabbitMQ topology.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(topology_app, name="topology")


@topology_app.command(
    "declare", cls=environment_help(*QUEUE_SETTINGS, "retry_delays", "management_url")
)
def topology_declare(
    migrate: Annotated[
        bool,
        typer.Option(
            "--migrate",
            help="Move queues declared with other arguments (e.g. classic queues of an older "
            "version) into the topology's quorum queues, messages included. Stop the workers "
            "and the ingress first.",
        ),
    ] = False,
) -> None:
    """Declare the exchange and every worker's queues (idempotent), then show their nodes."""
    from brokers.queues import RabbitQueueBroker
    from contracts.workers import WORKER_NAMES
    from hosting.topology import worker_topologies

    settings = settings_or_exit()

    async def declare() -> tuple[list[str], str]:
        async with connected_queue_broker(settings) as queue:
            moved: list[str] = []
            if migrate and isinstance(queue, RabbitQueueBroker):
                moved = await queue.migrate_topology(worker_topologies())
            else:
                await queue.declare_topology(worker_topologies())
            if not isinstance(queue, RabbitQueueBroker):
                return moved, ""
            names = queue.queue_names(worker_topologies())
            return moved, await placements_report(settings, names)

    moved, report = run(declare)
    for name in moved:
        console.print(f"moved queue {name} into a quorum queue, messages included", soft_wrap=True)
    console.print(
        f"declared exchange {settings.namespace}.events and queues of {', '.join(WORKER_NAMES)}",
        soft_wrap=True,
    )
    if report:
        typer.echo(report)


async def placements_report(settings: Settings, queues: Sequence[str]) -> str:
    """Each queue's type, leader and members; one line saying why when they cannot be read."""
    from brokers.queues import QueueUnavailableError
    from brokers.queues.rabbit_placements import RabbitManagementBroker, management_endpoints

    management = RabbitManagementBroker(
        management_endpoints(settings.amqp_url, settings.management_url)
    )
    try:
        placements = await management.select_queue_placements(queues)
    except QueueUnavailableError as error:
        return (
            f"leaders and members unknown: {error}; "
            "enable the rabbitmq_management plugin or set CULDESAC_MANAGEMENT_URL"
        )
    return format_placements(placements)


def format_placements(placements: Sequence[QueuePlacement]) -> str:
    width = max((len(placement.queue) for placement in placements), default=0)
    return "\n".join(
        f"{placement.queue:<{width}}  {placement.queue_type:<7}  leader {placement.leader}"
        f"  members {', '.join(placement.members)}"
        for placement in placements
    )
