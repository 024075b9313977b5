"""Updates that apply only where a field is absent agree across memory and the MongoDB protocol."""

from __future__ import annotations

import copy

import pytest
from faker import Faker

from brokers.storages import StorageBroker
from tests.integration.storages.conftest import create_random_registration

pytestmark = pytest.mark.integration


async def test_should_update_registration_fields_if_absent_field_is_absent(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    stored_registration = create_random_registration(faker)
    await storage_broker.insert_registration(stored_registration)
    settled_at = faker.date_time().isoformat()
    expected_registration = {**copy.deepcopy(stored_registration), "settled_at": settled_at}

    # when
    actual_written = await storage_broker.update_registration_fields(
        stored_registration["id"], {"settled_at": settled_at}, absent_field="settled_at"
    )

    # then
    assert actual_written is True
    selected_registration = await storage_broker.select_registration_by_id(
        stored_registration["id"]
    )
    assert selected_registration == expected_registration


async def test_should_return_false_and_write_nothing_if_absent_field_is_present(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given: the first of two concurrent writers marked it; the second must not
    first_settled_at = faker.date_time().isoformat()
    stored_registration = {**create_random_registration(faker), "settled_at": first_settled_at}
    await storage_broker.insert_registration(stored_registration)
    second_settled_at = faker.date_time().isoformat()

    # when
    actual_written = await storage_broker.update_registration_fields(
        stored_registration["id"], {"settled_at": second_settled_at}, absent_field="settled_at"
    )

    # then
    assert actual_written is False
    selected_registration = await storage_broker.select_registration_by_id(
        stored_registration["id"]
    )
    assert selected_registration == stored_registration
