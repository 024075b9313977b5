"""Insert-if-absent agrees across the in-memory store and the MongoDB wire protocol."""

from __future__ import annotations

import asyncio
import copy

import pytest
from faker import Faker

from brokers.storages import UNIQUE_FIELDS, StorageBroker
from brokers.storages.errors import DuplicateKeyError
from tests.integration.storages.conftest import (
    ENTITIES,
    ENTITY_BY_COLLECTION,
    Entity,
    create_random_student,
    insert_student_if_absent,
)

pytestmark = pytest.mark.integration

by_entity = pytest.mark.parametrize("entity", ENTITIES, ids=lambda entity: entity.name)

UNIQUE_KEYS = [
    pytest.param(ENTITY_BY_COLLECTION[collection], field, id=f"{collection}.{field}")
    for collection, fields in UNIQUE_FIELDS.items()
    if collection in ENTITY_BY_COLLECTION
    for field in fields
]


@by_entity
async def test_should_insert_entity_if_absent(
    storage_broker: StorageBroker, entity: Entity, faker: Faker
) -> None:
    # given
    random_document = entity.create_random(faker)
    input_document = copy.deepcopy(random_document)
    expected_document = copy.deepcopy(random_document)

    # when
    actual_document = await entity.insert_if_absent(storage_broker, input_document)

    # then
    assert actual_document == expected_document
    assert actual_document is not input_document
    assert await entity.select_by_id(storage_broker, expected_document["id"]) == expected_document
    assert await storage_broker.count_documents(entity.collection) == 1


@by_entity
async def test_should_return_the_stored_entity_if_the_id_is_taken(
    storage_broker: StorageBroker, entity: Entity, faker: Faker
) -> None:
    # given
    stored_document = entity.create_random(faker)
    await entity.insert(storage_broker, stored_document)
    input_document = {**entity.create_random(faker), "id": stored_document["id"]}

    # when
    actual_document = await entity.insert_if_absent(storage_broker, input_document)

    # then
    assert actual_document == stored_document
    assert await entity.select_by_id(storage_broker, stored_document["id"]) == stored_document
    assert await storage_broker.count_documents(entity.collection) == 1


@by_entity
async def test_should_return_the_stored_entity_if_an_equal_one_is_stored(
    storage_broker: StorageBroker, entity: Entity, faker: Faker
) -> None:
    # given
    stored_document = entity.create_random(faker)
    await entity.insert(storage_broker, stored_document)
    input_document = copy.deepcopy(stored_document)
    expected_document = copy.deepcopy(stored_document)

    # when
    actual_document = await entity.insert_if_absent(storage_broker, input_document)

    # then
    assert actual_document == expected_document
    assert actual_document is not input_document
    assert await entity.select_by_id(storage_broker, stored_document["id"]) == expected_document
    assert await storage_broker.count_documents(entity.collection) == 1


@pytest.mark.parametrize(("entity", "field"), UNIQUE_KEYS)
async def test_should_raise_if_another_unique_field_is_taken(
    storage_broker: StorageBroker, entity: Entity, field: str, faker: Faker
) -> None:
    # given
    stored_document = entity.create_random(faker)
    await entity.insert(storage_broker, stored_document)
    input_document = {**entity.create_random(faker), field: stored_document[field]}

    # when
    with pytest.raises(DuplicateKeyError) as raised:
        await entity.insert_if_absent(storage_broker, input_document)

    # then
    assert raised.value.details is not None
    assert raised.value.details["keyPattern"] == {field: 1}
    assert await entity.select_by_id(storage_broker, input_document["id"]) is None
    assert await storage_broker.count_documents(entity.collection) == 1


async def test_should_return_the_stored_student_if_the_id_is_taken_whatever_else_clashes(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given: the id is taken, and the email belongs to yet another student
    stored_student = create_random_student(faker)
    other_student = create_random_student(faker)
    await storage_broker.insert_student(stored_student)
    await storage_broker.insert_student(other_student)
    input_student = {
        **create_random_student(faker),
        "id": stored_student["id"],
        "email": other_student["email"],
    }

    # when
    actual_student = await insert_student_if_absent(storage_broker, input_student)

    # then
    assert actual_student == stored_student
    assert await storage_broker.count_documents("students") == 2


@by_entity
async def test_should_store_one_entity_when_inserted_concurrently(
    storage_broker: StorageBroker, entity: Entity, faker: Faker
) -> None:
    # given
    input_document = entity.create_random(faker)

    # when
    results = await asyncio.gather(
        *(entity.insert_if_absent(storage_broker, copy.deepcopy(input_document)) for _ in range(10))
    )

    # then
    assert all(result == input_document for result in results)
    assert await storage_broker.count_documents(entity.collection) == 1
