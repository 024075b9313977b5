"""The ``api_keys`` collection, the same on the in-memory store and on the MongoDB server."""

from __future__ import annotations

import pytest
from faker import Faker

from brokers.storages import Document, DuplicateKeyError, StorageBroker
from brokers.storages.errors import duplicate_key_of


def create_random_api_key(faker: Faker) -> Document:
    return {
        "id": str(faker.uuid4()),
        "name": faker.unique.slug(),
        "secret_hash": faker.sha256(),
        "created_at": faker.iso8601(),
        "revoked_at": None,
    }


async def test_should_insert_select_list_and_update_api_keys(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    input_keys = [create_random_api_key(faker) for _ in range(3)]

    # when
    for api_key in input_keys:
        await storage_broker.insert_api_key(api_key)
    revoked = {**input_keys[0], "revoked_at": faker.iso8601()}
    updated = await storage_broker.update_api_key(revoked)
    selected = await storage_broker.select_api_key_by_id(input_keys[0]["id"])
    listed = await storage_broker.select_all_api_keys()

    # then
    assert updated == revoked
    assert selected == revoked
    assert sorted(listed, key=lambda key: key["id"]) == sorted(
        [revoked, *input_keys[1:]], key=lambda key: key["id"]
    )


async def test_should_list_no_api_keys_in_a_new_database(storage_broker: StorageBroker) -> None:
    assert await storage_broker.select_all_api_keys() == []


async def test_should_refuse_a_second_api_key_of_the_same_name(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    first = create_random_api_key(faker)
    await storage_broker.insert_api_key(first)

    # when
    with pytest.raises(DuplicateKeyError) as error_info:
        await storage_broker.insert_api_key({**create_random_api_key(faker), "name": first["name"]})

    # then
    assert duplicate_key_of(error_info.value) == "name"
