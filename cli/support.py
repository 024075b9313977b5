"""What every ``culdesac`` command shares: settings, the event loop, clear errors.

The drivers, the settings model and the brokers are imported inside the functions, so that
``--help`` and the commands that need none of them start quickly.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from brokers.queues import QueueBroker
    from hosting.settings import Settings

console = Console(stderr=True)
T = TypeVar("T")


def settings_or_exit() -> Settings:
    from hosting.settings import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as error:
        print_error(str(error))
        raise typer.Exit(2) from error


def naming(service: str, message: str) -> str:
    """``message`` with ``service`` before it, unless it names the service already.

    Most broker messages do ("cannot connect to RabbitMQ: …", "MongoDB is unavailable: …");
    a driver's own words (a host and port) or a queue's name do not.
    """
    return message if service in message else f"{service}: {message}"


def run(
    coroutine_factory: Callable[[], Awaitable[T]],
    loop_factory: Callable[[], asyncio.AbstractEventLoop] | None = None,
) -> T:
    """Run a command's coroutine; an unreachable service is a one-line error, not a traceback.

    The brokers bound every connection attempt (RabbitMQ's connect timeout, MongoDB's server
    selection timeout), so a command whose service is away fails after a short wait.
    """
    from brokers.metrics import MetricsPortUnavailableError
    from brokers.queues import QueueUnavailableError, TopologyConflictError
    from brokers.storages import STORAGE_UNAVAILABLE_ERRORS, short_message

    async def main() -> T:
        return await coroutine_factory()

    try:
        with asyncio.Runner(loop_factory=loop_factory) as runner:
            return runner.run(main())
    except QueueUnavailableError as error:
        print_error(naming("RabbitMQ", short_message(error)))
        raise typer.Exit(1) from error
    except TopologyConflictError as error:
        print_error(naming("RabbitMQ", str(error)))
        raise typer.Exit(1) from error
    except STORAGE_UNAVAILABLE_ERRORS as error:
        print_error(naming("MongoDB", short_message(error)))
        raise typer.Exit(1) from error
    except MetricsPortUnavailableError as error:
        # Exit rather than run unseen: Prometheus and the health checks expect this port.
        console.print(
            f"[red]error:[/red] {escape(str(error))}; set CULDESAC_METRICS_PORT to a free port,"
            " or to 0 for no metrics endpoint",
            soft_wrap=True,
        )
        raise typer.Exit(1) from error


def print_error(message: str) -> None:
    console.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)


@asynccontextmanager
async def connected_queue_broker(settings: Settings) -> AsyncIterator[QueueBroker]:
    """The queue broker a command talks to, connected for the block and closed after it."""
    from hosting.brokers import create_queue_broker

    # The client logs its failed connect too; the command's own error line says it once.
    for client in ("aio_pika", "aiormq"):
        logging.getLogger(client).setLevel(logging.CRITICAL)
    queue = create_queue_broker(settings, None, "culdesac-cli")
    await queue.connect()
    try:
        yield queue
    finally:
        await queue.close()
