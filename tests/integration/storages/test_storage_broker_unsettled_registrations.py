"""The operator's view of the ledger: unsettled registrations, alike in memory and over MongoDB."""

from __future__ import annotations

import pytest
from faker import Faker

from brokers.storages import StorageBroker
from tests.integration.storages.conftest import create_random_registration

pytestmark = pytest.mark.integration


async def test_should_count_unsettled_registrations_and_select_the_oldest(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    oldest = {**create_random_registration(faker), "created_at": "2026-01-01T08:00:00Z"}
    newer = {**create_random_registration(faker), "created_at": "2026-01-01T09:00:00Z"}
    settled = {
        **create_random_registration(faker),
        "created_at": "2025-12-31T08:00:00Z",
        "settled_at": "2025-12-31T08:00:01Z",
    }
    for registration in (newer, settled, oldest):
        await storage_broker.insert_registration(registration)

    # when
    actual_count = await storage_broker.count_unsettled_registrations()
    actual_oldest = await storage_broker.select_oldest_unsettled_registration()

    # then
    assert actual_count == 2
    assert actual_oldest == oldest


async def test_should_find_no_unsettled_registration_in_an_empty_ledger(
    storage_broker: StorageBroker,
) -> None:
    assert await storage_broker.count_unsettled_registrations() == 0
    assert await storage_broker.select_oldest_unsettled_registration() is None
