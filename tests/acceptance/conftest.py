from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import aio_pika
import pytest
from pymongo import AsyncMongoClient

from tests.acceptance.processes import CuldesacProcess, create_api_key
from tests.backing_services import delete_namespace


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/acceptance" in str(item.path):
            item.add_marker(pytest.mark.acceptance)


@pytest.fixture
def environment(
    amqp_url: str, mongodb_url: str, namespace: str, database_name: str
) -> dict[str, str]:
    return {
        "CULDESAC_AMQP_URL": amqp_url,
        "CULDESAC_MONGODB_URL": mongodb_url,
        "CULDESAC_MONGODB_DATABASE": database_name,
        "CULDESAC_NAMESPACE": namespace,
        "CULDESAC_LOG_FORMAT": "json",
        "CULDESAC_RETRY_DELAYS": "[0.2, 0.5, 1.0]",
        "CULDESAC_MAX_SERVICE_RETRIES": "2",
        "CULDESAC_SHUTDOWN_TIMEOUT": "20",
        # Processes run side by side: a test that scrapes gives each one a port of its own.
        "CULDESAC_METRICS_PORT": "0",
    }


@pytest.fixture
def start_culdesac(environment: dict[str, str]) -> Iterator[Callable[..., CuldesacProcess]]:
    started: list[CuldesacProcess] = []

    def start(*arguments: str, **extra_environment: str) -> CuldesacProcess:
        process = CuldesacProcess(arguments, {**environment, **extra_environment})
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


ApiKeyHeaders = Callable[[str], dict[str, str]]


@pytest.fixture
def api_key_headers(environment: dict[str, str]) -> ApiKeyHeaders:
    """Create an API key named NAME with ``culdesac api-keys create``; the headers that send it."""

    def create(name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {create_api_key(environment, name)}"}

    return create


@pytest.fixture
async def amqp_channel(
    amqp_url: str, namespace: str
) -> AsyncIterator[aio_pika.abc.AbstractChannel]:
    """A plain AMQP client, as any publisher would use."""
    connection = await aio_pika.connect(amqp_url)
    channel = await connection.channel(publisher_confirms=True)
    yield channel
    await connection.close()


@pytest.fixture(autouse=True)
async def remove_namespace(amqp_url: str, namespace: str) -> AsyncIterator[None]:
    """Whatever the processes of a test declared on RabbitMQ goes when the test ends."""
    yield
    await delete_namespace(amqp_url, namespace)


@pytest.fixture
async def database(mongodb_url: str, database_name: str) -> AsyncIterator[Any]:
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(mongodb_url)
    yield client[database_name]
    await client.drop_database(database_name)
    await client.close()


async def eventually(
    check: Callable[[], Awaitable[bool]], within: float = 30, what: str = "condition"
) -> None:
    """Poll ``check`` until it holds, failing with ``what`` after ``within`` seconds."""
    deadline = time.monotonic() + within
    while not await check():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {within}s waiting for {what}")
        await asyncio.sleep(0.1)
