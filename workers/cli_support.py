"""What every ``culdesac`` command shares: settings, the event loop, clear errors."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TypeVar

import typer
from rich.console import Console

from brokers.queues import QueueBroker, QueueUnavailableError
from workers.settings import Settings, SettingsError, load_settings

console = Console(stderr=True)
T = TypeVar("T")


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except SettingsError as error:
        console.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from error


def run(coroutine_factory: Callable[[], Awaitable[T]]) -> T:
    """Run a command's coroutine; an unreachable broker is a one-line error, not a traceback."""

    async def main() -> T:
        return await coroutine_factory()

    try:
        return asyncio.run(main())
    except QueueUnavailableError as error:
        console.print(f"[red]error:[/red] RabbitMQ: {error}")
        raise typer.Exit(1) from error


@asynccontextmanager
async def connected_queue_broker(settings: Settings) -> AsyncIterator[QueueBroker]:
    """The queue broker a command talks to, connected for the block and closed after it."""
    from workers.brokers import create_queue_broker

    queue = create_queue_broker(settings, None, "culdesac-cli")
    await queue.connect()
    try:
        yield queue
    finally:
        await queue.close()
