"""A replica set's URL options reach the driver untouched, from CULDESAC_MONGODB_URL to the wire.

SecantusDB answers ``hello`` as the one member of the replica set ``secantus``, so the driver
discovers it as a replica set when the URL names that set: the commands it then sends show the
URL's write concern, read preference and retryable writes, and a set name that does not match
leaves the driver without a member.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import pytest
from faker import Faker
from pymongo import monitoring

from brokers.storages import MongoStorageBroker, StorageUnavailableError
from brokers.storages.storage_broker import STUDENTS
from hosting.settings import load_settings
from tests.integration.storages.conftest import create_random_student

pytestmark = pytest.mark.integration

SECANTUS_SET_NAME = "secantus"
TIMEOUT_MS = 1500


class CommandsSeen(monitoring.CommandListener):
    """Every command the driver started, by name, as sent."""

    def __init__(self) -> None:
        self.commands: list[tuple[str, Mapping[str, Any]]] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        self.commands.append((event.command_name, dict(event.command)))

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass

    def named(self, name: str) -> list[Mapping[str, Any]]:
        return [command for command_name, command in self.commands if command_name == name]


def replica_set_url(mongodb_url: str, options: str) -> str:
    """The test server's host with ``options`` alone (none of the stand-alone ones it had)."""
    return f"mongodb://{urlsplit(mongodb_url).netloc}/?{options}"


async def students_written_and_read(
    url: str, database_name: str, faker: Faker, monkeypatch: pytest.MonkeyPatch
) -> CommandsSeen:
    """One student inserted and read back through a broker built from CULDESAC_MONGODB_URL."""
    monkeypatch.setenv("CULDESAC_MONGODB_URL", url)
    settings = load_settings()
    seen = CommandsSeen()
    broker = MongoStorageBroker(
        settings.mongodb_url, database_name, timeout_ms=TIMEOUT_MS, command_listeners=[seen]
    )
    await broker.initialize()
    try:
        student = create_random_student(faker)
        await broker.insert_student(student)
        assert await broker.select_by_id(STUDENTS, student["id"]) == student
    finally:
        await broker.drop_database()
        await broker.close()
    return seen


async def test_should_write_with_majority_concern_and_retry_writes_if_the_url_asks(
    mongodb_url: str, database_name: str, faker: Faker, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    url = replica_set_url(
        mongodb_url,
        f"replicaSet={SECANTUS_SET_NAME}&w=majority&readPreference=primary&retryWrites=true",
    )

    # when
    seen = await students_written_and_read(url, database_name, faker, monkeypatch)

    # then
    [insert] = seen.named("insert")
    assert insert["writeConcern"] == {"w": "majority"}
    # A retryable write carries its transaction number, which the driver retries it under.
    assert "txnNumber" in insert
    assert all("$readPreference" not in find for find in seen.named("find"))


async def test_should_read_with_the_urls_read_preference_and_write_without_concern_if_none(
    mongodb_url: str, database_name: str, faker: Faker, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    url = replica_set_url(
        mongodb_url,
        f"replicaSet={SECANTUS_SET_NAME}&readPreference=primaryPreferred&retryWrites=false",
    )

    # when
    seen = await students_written_and_read(url, database_name, faker, monkeypatch)

    # then
    [insert] = seen.named("insert")
    assert "writeConcern" not in insert
    assert "txnNumber" not in insert
    finds = seen.named("find")
    assert finds
    assert all(find["$readPreference"] == {"mode": "primaryPreferred"} for find in finds)


async def test_should_raise_unavailable_error_on_initialize_if_no_member_is_of_the_urls_set(
    mongodb_url: str, database_name: str
) -> None:
    # given
    url = replica_set_url(mongodb_url, "replicaSet=not-this-set&retryWrites=false")
    broker = MongoStorageBroker(url, database_name, timeout_ms=TIMEOUT_MS)

    # when
    with pytest.raises(StorageUnavailableError):
        await broker.initialize()

    # then
    assert await broker.is_healthy() is False
