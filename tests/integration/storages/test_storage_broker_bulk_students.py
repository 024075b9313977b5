"""Many students in one write, alike in the in-memory store and over the MongoDB wire protocol.

Each document's result or error is in its place; one refused document never fails the others.
"""

from __future__ import annotations

import copy

import pytest
from faker import Faker

from brokers.storages import StorageBroker
from brokers.storages.errors import DuplicateKeyError, duplicate_key_of
from brokers.storages.storage_broker import STUDENTS
from tests.integration.storages.conftest import create_random_student

pytestmark = pytest.mark.integration


async def test_should_insert_students_in_one_write(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    random_students = [create_random_student(faker) for _ in range(faker.random_int(2, 20))]
    input_students = copy.deepcopy(random_students)
    expected_students = copy.deepcopy(random_students)

    # when
    actual_students = await storage_broker.insert_students(input_students)

    # then
    assert actual_students == expected_students
    for expected_student in expected_students:
        assert await storage_broker.select_student_by_id(expected_student["id"]) == expected_student
    assert await storage_broker.count_documents(STUDENTS) == len(expected_students)


async def test_should_refuse_only_the_clashing_students_of_a_batch(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    stored_student = create_random_student(faker)
    await storage_broker.insert_student(stored_student)
    first, last = create_random_student(faker), create_random_student(faker)
    taken_id = {**create_random_student(faker), "id": stored_student["id"]}
    taken_email = {**create_random_student(faker), "email": stored_student["email"]}
    input_students = [first, taken_id, taken_email, last]

    # when
    actual_results = await storage_broker.insert_students(copy.deepcopy(input_students))

    # then
    assert actual_results[0] == first
    assert actual_results[3] == last
    assert isinstance(actual_results[1], DuplicateKeyError)
    assert isinstance(actual_results[2], DuplicateKeyError)
    assert duplicate_key_of(actual_results[1]) == "id"
    assert duplicate_key_of(actual_results[2]) == "email"
    assert await storage_broker.select_student_by_id(first["id"]) == first
    assert await storage_broker.select_student_by_id(last["id"]) == last
    assert await storage_broker.select_student_by_id(stored_student["id"]) == stored_student
    assert await storage_broker.count_documents(STUDENTS) == 3


async def test_should_insert_students_if_absent_each_in_its_place(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    stored_student = create_random_student(faker)
    other_stored_student = create_random_student(faker)
    await storage_broker.insert_student(stored_student)
    await storage_broker.insert_student(other_stored_student)
    new_student = create_random_student(faker)
    same_as_stored = copy.deepcopy(stored_student)
    other_under_taken_id = {**create_random_student(faker), "id": other_stored_student["id"]}
    taken_email = {**create_random_student(faker), "email": stored_student["email"]}
    input_students = [new_student, same_as_stored, other_under_taken_id, taken_email]

    # when
    actual_results = await storage_broker.insert_students_if_absent(copy.deepcopy(input_students))

    # then
    assert actual_results[:3] == [new_student, stored_student, other_stored_student]
    assert isinstance(actual_results[3], DuplicateKeyError)
    assert duplicate_key_of(actual_results[3]) == "email"
    assert await storage_broker.select_student_by_id(new_student["id"]) == new_student
    assert await storage_broker.select_student_by_id(taken_email["id"]) is None
    assert await storage_broker.count_documents(STUDENTS) == 3


async def test_should_store_one_student_given_twice_in_a_batch(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    random_student = create_random_student(faker)
    input_students = [copy.deepcopy(random_student), copy.deepcopy(random_student)]

    # when
    actual_results = await storage_broker.insert_students_if_absent(input_students)

    # then
    assert actual_results == [random_student, random_student]
    assert await storage_broker.count_documents(STUDENTS) == 1


async def test_should_do_nothing_for_an_empty_batch(storage_broker: StorageBroker) -> None:
    # when
    inserted = await storage_broker.insert_students([])
    ensured = await storage_broker.insert_students_if_absent([])

    # then
    assert inserted == []
    assert ensured == []
    assert await storage_broker.count_documents(STUDENTS) == 0
