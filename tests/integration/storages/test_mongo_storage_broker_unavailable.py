"""The MongoDB broker when the server is absent or goes away: bounded waits, transient errors."""

from __future__ import annotations

import gc
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from faker import Faker

from brokers.storages import STORAGE_UNAVAILABLE_ERRORS, MongoStorageBroker
from tests import backing_services
from tests.integration.storages.conftest import create_random_student

pytestmark = pytest.mark.integration

TIMEOUT_MS = 300
# Generous against a slow machine, far below the driver's default of 30 s.
BOUND_SECONDS = 5.0


@contextmanager
def driver_socket_leaks_collected() -> Iterator[None]:
    """Collect, here and quietly, the sockets the driver drops unclosed when it cannot connect.

    PyMongo (4.20) now and then leaves a monitor's socket unclosed when its client is closed
    while the server is unreachable; the ResourceWarning would otherwise fail whichever later
    test the garbage collector happens to run in.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "unclosed <socket", ResourceWarning)
        try:
            yield
        finally:
            gc.collect()


async def test_should_raise_unavailable_error_on_initialize_if_nothing_listens(
    database_name: str,
) -> None:
    # given
    port = backing_services.free_port()
    url = f"mongodb://127.0.0.1:{port}/?directConnection=true&retryWrites=false"
    broker = MongoStorageBroker(url, database_name, timeout_ms=TIMEOUT_MS)
    started = time.monotonic()

    with driver_socket_leaks_collected():
        # when
        with pytest.raises(STORAGE_UNAVAILABLE_ERRORS):
            await broker.initialize()

        # then
        assert time.monotonic() - started < BOUND_SECONDS
        assert await broker.is_healthy() is False


async def test_should_be_unhealthy_and_raise_unavailable_error_if_server_goes_away(
    database_name: str, faker: Faker
) -> None:
    # given
    with backing_services.secantus_server(graceful_stop=False) as url:
        broker = MongoStorageBroker(url, database_name, timeout_ms=TIMEOUT_MS)
        await broker.initialize()
        assert await broker.is_healthy() is True
    # Leaving the block stopped the server.

    with driver_socket_leaks_collected():
        try:
            # when
            started = time.monotonic()
            actual_health = await broker.is_healthy()

            # then
            assert actual_health is False
            assert time.monotonic() - started < BOUND_SECONDS
            with pytest.raises(STORAGE_UNAVAILABLE_ERRORS):
                await broker.insert_student(create_random_student(faker))
            assert time.monotonic() - started < 2 * BOUND_SECONDS
        finally:
            await broker.close()
