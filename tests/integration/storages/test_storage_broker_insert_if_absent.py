"""Insert-if-absent agrees across the in-memory store and the MongoDB wire protocol."""

from __future__ import annotations

import asyncio

import pytest
from faker import Faker

from brokers.storages import StorageBroker
from brokers.storages.errors import DuplicateKeyError
from tests.integration.storages.conftest import create_random_student

pytestmark = pytest.mark.integration


async def test_should_insert_a_student_if_absent(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    input_student = create_random_student(faker)

    # when
    actual_student = await storage_broker.insert_student_if_absent(input_student)

    # then
    assert actual_student == input_student
    assert await storage_broker.select_student_by_id(input_student["id"]) == input_student


async def test_should_return_the_stored_student_if_the_id_is_taken(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    stored_student = create_random_student(faker)
    await storage_broker.insert_student(stored_student)
    input_student = {**create_random_student(faker), "id": stored_student["id"]}

    # when
    actual_student = await storage_broker.insert_student_if_absent(input_student)

    # then
    assert actual_student == stored_student
    assert await storage_broker.count_documents("students") == 1


async def test_should_raise_if_another_unique_field_is_taken(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    stored_student = create_random_student(faker)
    await storage_broker.insert_student(stored_student)
    input_student = {**create_random_student(faker), "email": stored_student["email"]}

    # when / then
    with pytest.raises(DuplicateKeyError):
        await storage_broker.insert_student_if_absent(input_student)


async def test_should_store_one_student_when_inserted_concurrently(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    input_student = create_random_student(faker)

    # when
    results = await asyncio.gather(
        *(storage_broker.insert_student_if_absent(dict(input_student)) for _ in range(10))
    )

    # then
    assert all(result == input_student for result in results)
    assert await storage_broker.count_documents("students") == 1
