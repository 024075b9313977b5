"""The same test bodies against every storage broker: the in-memory one must agree with MongoDB."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from faker import Faker

from brokers.storages import (
    COLLECTIONS,
    UNIQUE_FIELDS,
    Document,
    DuplicateKeyError,
    OperationFailure,
    StorageBroker,
    StorageNotInitializedError,
)
from brokers.storages.storage_broker import STUDENTS
from tests.integration.storages.conftest import (
    ENTITIES,
    ENTITY_BY_COLLECTION,
    Entity,
    create_random_id,
    create_random_registration,
    create_random_student,
)

pytestmark = pytest.mark.integration

by_entity = pytest.mark.parametrize("entity", ENTITIES, ids=lambda entity: entity.name)


def scribble(document: Any) -> None:
    """Change a document everywhere it nests, to prove nothing is shared with the store."""
    if isinstance(document, dict):
        for value in document.values():
            scribble(value)
        document["scribbled"] = True
    elif isinstance(document, list):
        for value in document:
            scribble(value)
        document.append("scribbled")


@by_entity
async def test_should_insert_and_select_entity(
    storage_broker: StorageBroker, entity: Entity, faker: Faker
) -> None:
    # given
    random_document = entity.create_random(faker)
    input_document = copy.deepcopy(random_document)
    expected_document = copy.deepcopy(random_document)

    # when
    inserted_document = await entity.insert(storage_broker, input_document)
    scribble(input_document)
    scribble(inserted_document)
    actual_document = await entity.select_by_id(storage_broker, expected_document["id"])

    # then
    assert actual_document == expected_document
    assert actual_document is not input_document
    assert actual_document is not inserted_document
    assert "_id" not in actual_document


@by_entity
async def test_should_return_inserted_entity_as_new_document(
    storage_broker: StorageBroker, entity: Entity, faker: Faker
) -> None:
    # given
    random_document = entity.create_random(faker)
    input_document = copy.deepcopy(random_document)
    expected_document = copy.deepcopy(random_document)

    # when
    actual_document = await entity.insert(storage_broker, input_document)

    # then
    assert actual_document == expected_document
    assert actual_document is not input_document
    assert input_document == expected_document


@by_entity
async def test_should_return_selected_entity_as_new_document_each_time(
    storage_broker: StorageBroker, entity: Entity, faker: Faker
) -> None:
    # given
    random_document = entity.create_random(faker)
    expected_document = copy.deepcopy(random_document)
    await entity.insert(storage_broker, random_document)
    first_selected_document = await entity.select_by_id(storage_broker, random_document["id"])
    scribble(first_selected_document)

    # when
    actual_document = await entity.select_by_id(storage_broker, random_document["id"])

    # then
    assert actual_document == expected_document


@by_entity
async def test_should_raise_duplicate_key_error_on_insert_if_id_is_taken(
    storage_broker: StorageBroker, entity: Entity, faker: Faker
) -> None:
    # given
    stored_document = entity.create_random(faker)
    await entity.insert(storage_broker, stored_document)
    input_document = {**entity.create_random(faker), "id": stored_document["id"]}

    # when
    with pytest.raises(DuplicateKeyError) as raised:
        await entity.insert(storage_broker, input_document)

    # then
    assert raised.value.code == 11000
    assert raised.value.details is not None
    assert raised.value.details["keyPattern"] == {"_id": 1}
    assert raised.value.details["keyValue"] == {"_id": stored_document["id"]}
    assert await storage_broker.count_documents(entity.collection) == 1
    assert await entity.select_by_id(storage_broker, stored_document["id"]) == stored_document


UNIQUE_KEYS = [
    pytest.param(ENTITY_BY_COLLECTION[collection], field, id=f"{collection}.{field}")
    for collection, fields in UNIQUE_FIELDS.items()
    if collection in ENTITY_BY_COLLECTION
    for field in fields
]


def test_should_declare_the_unique_fields_the_design_names() -> None:
    # given
    expected_unique_keys = {
        ("students", "email"),
        ("library_cards", "card_number"),
        ("library_cards", "student_id"),
        ("api_keys", "name"),
    }

    # when
    actual_unique_keys = {
        (collection, field) for collection, fields in UNIQUE_FIELDS.items() for field in fields
    }

    # then
    assert actual_unique_keys == expected_unique_keys


@pytest.mark.parametrize(("entity", "field"), UNIQUE_KEYS)
async def test_should_raise_duplicate_key_error_on_insert_if_unique_field_is_taken(
    storage_broker: StorageBroker, entity: Entity, field: str, faker: Faker
) -> None:
    # given
    stored_document = entity.create_random(faker)
    await entity.insert(storage_broker, stored_document)
    input_document = {**entity.create_random(faker), field: stored_document[field]}

    # when
    with pytest.raises(DuplicateKeyError) as raised:
        await entity.insert(storage_broker, input_document)

    # then
    assert raised.value.code == 11000
    assert raised.value.details is not None
    assert raised.value.details["keyPattern"] == {field: 1}
    assert raised.value.details["keyValue"] == {field: stored_document[field]}
    assert await storage_broker.count_documents(entity.collection) == 1
    assert await entity.select_by_id(storage_broker, input_document["id"]) is None


@by_entity
async def test_should_return_none_on_select_if_entity_is_absent(
    storage_broker: StorageBroker, entity: Entity, faker: Faker
) -> None:
    # given
    await entity.insert(storage_broker, entity.create_random(faker))
    absent_id = create_random_id(faker)

    # when
    actual_document = await entity.select_by_id(storage_broker, absent_id)

    # then
    assert actual_document is None


async def test_should_update_student(storage_broker: StorageBroker, faker: Faker) -> None:
    # given
    stored_student = {**create_random_student(faker), "nickname": faker.first_name()}
    await storage_broker.insert_student(stored_student)
    input_student = {**create_random_student(faker), "id": stored_student["id"]}
    expected_student = copy.deepcopy(input_student)

    # when
    actual_student = await storage_broker.update_student(input_student)

    # then
    assert actual_student == expected_student
    assert actual_student is not input_student
    assert await storage_broker.select_student_by_id(stored_student["id"]) == expected_student
    assert await storage_broker.count_documents(STUDENTS) == 1


async def test_should_return_none_on_update_student_if_student_is_absent(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    input_student = create_random_student(faker)

    # when
    actual_student = await storage_broker.update_student(input_student)

    # then
    assert actual_student is None
    assert await storage_broker.count_documents(STUDENTS) == 0


async def test_should_raise_duplicate_key_error_on_update_student_if_email_is_taken(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    other_student = create_random_student(faker)
    stored_student = create_random_student(faker)
    await storage_broker.insert_student(other_student)
    await storage_broker.insert_student(stored_student)
    input_student = {**stored_student, "email": other_student["email"]}

    # when
    with pytest.raises(DuplicateKeyError) as raised:
        await storage_broker.update_student(input_student)

    # then
    assert raised.value.code == 11000
    assert raised.value.details is not None
    assert raised.value.details["keyPattern"] == {"email": 1}
    assert await storage_broker.select_student_by_id(stored_student["id"]) == stored_student


async def test_should_update_registration_fields(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    stored_registration = create_random_registration(faker)
    await storage_broker.insert_registration(stored_registration)
    reason = faker.sentence()
    completed_at = faker.date_time().isoformat()
    input_fields = {
        "concerns.student.status": "persisted",
        "concerns.library_card.status": "failed",
        "concerns.library_card.reason": reason,
        "outcome.summary.failed": 1,
        "completed_at": completed_at,
        "status": "failed",
    }
    expected_registration = copy.deepcopy(stored_registration)
    expected_registration["concerns"]["student"]["status"] = "persisted"
    expected_registration["concerns"]["library_card"] = {"status": "failed", "reason": reason}
    expected_registration["outcome"] = {"summary": {"failed": 1}}
    expected_registration["completed_at"] = completed_at
    expected_registration["status"] = "failed"

    # when
    actual_registration = await storage_broker.update_registration_fields(
        stored_registration["id"], input_fields
    )

    # then
    assert actual_registration is True
    selected_registration = await storage_broker.select_registration_by_id(
        stored_registration["id"]
    )
    assert selected_registration == expected_registration


async def test_should_return_false_on_update_registration_fields_if_registration_is_absent(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    absent_id = create_random_id(faker)

    # when
    actual_registration = await storage_broker.update_registration_fields(
        absent_id, {"status": "completed", "concerns.student.status": "persisted"}
    )

    # then
    assert actual_registration is False
    assert await storage_broker.count_documents("registrations") == 0


REFUSED_SETS = [
    pytest.param({"status.detail": "x"}, 28, id="through-a-string"),
    pytest.param({"concerns": {}, "concerns.student.status": "x"}, 40, id="overlapping-paths"),
    pytest.param({"status": "x", "concerns..status": "x"}, 56, id="empty-field-name"),
    pytest.param({"id": "another-id"}, 66, id="changing-the-id"),
]


@pytest.mark.parametrize(("input_fields", "expected_code"), REFUSED_SETS)
async def test_should_raise_operation_failure_on_update_registration_fields_if_set_is_refused(
    storage_broker: StorageBroker, input_fields: Document, expected_code: int, faker: Faker
) -> None:
    # given
    stored_registration = create_random_registration(faker)
    await storage_broker.insert_registration(stored_registration)
    input_fields = {"concerns.contact.status": "persisted", **input_fields}

    # when
    with pytest.raises(OperationFailure) as raised:
        await storage_broker.update_registration_fields(stored_registration["id"], input_fields)

    # then
    assert raised.value.code == expected_code
    selected_registration = await storage_broker.select_registration_by_id(
        stored_registration["id"]
    )
    assert selected_registration == stored_registration


async def test_should_count_documents(storage_broker: StorageBroker, faker: Faker) -> None:
    # given
    expected_counts = {entity.collection: faker.random_int(0, 4) for entity in ENTITIES}
    for entity in ENTITIES:
        for _ in range(expected_counts[entity.collection]):
            await entity.insert(storage_broker, entity.create_random(faker))

    # when
    actual_counts = {
        collection: await storage_broker.count_documents(collection) for collection in COLLECTIONS
    }

    # then
    assert actual_counts == expected_counts


async def test_should_initialize_twice_and_keep_documents_and_unique_indexes(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    stored_student = create_random_student(faker)
    await storage_broker.insert_student(stored_student)

    # when
    await storage_broker.initialize()

    # then
    assert await storage_broker.select_student_by_id(stored_student["id"]) == stored_student
    with pytest.raises(DuplicateKeyError):
        await storage_broker.insert_student(
            {**create_random_student(faker), "email": stored_student["email"]}
        )


async def test_should_be_healthy(storage_broker: StorageBroker) -> None:
    # when
    actual_health = await storage_broker.is_healthy()

    # then
    assert actual_health is True


async def test_should_refuse_use_after_close_and_keep_documents_until_initialized_again(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    stored_student = create_random_student(faker)
    await storage_broker.insert_student(stored_student)

    # when
    await storage_broker.close()

    # then
    assert await storage_broker.is_healthy() is False
    with pytest.raises(StorageNotInitializedError):
        await storage_broker.select_student_by_id(stored_student["id"])
    with pytest.raises(StorageNotInitializedError):
        await storage_broker.insert_student(create_random_student(faker))
    await storage_broker.initialize()
    assert await storage_broker.select_student_by_id(stored_student["id"]) == stored_student


async def test_should_drop_database(storage_broker: StorageBroker, faker: Faker) -> None:
    # given
    stored_documents = [(entity, entity.create_random(faker)) for entity in ENTITIES]
    for entity, document in stored_documents:
        await entity.insert(storage_broker, document)

    # when
    await storage_broker.drop_database()

    # then
    for collection in COLLECTIONS:
        assert await storage_broker.count_documents(collection) == 0
    for entity, document in stored_documents:
        assert await entity.select_by_id(storage_broker, document["id"]) is None


async def test_should_forget_unique_indexes_on_drop_database_until_initialized_again(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    email = faker.email()
    await storage_broker.drop_database()

    # when
    await storage_broker.insert_student({**create_random_student(faker), "email": email})
    await storage_broker.insert_student({**create_random_student(faker), "email": email})
    await storage_broker.drop_database()
    await storage_broker.initialize()

    # then
    await storage_broker.insert_student({**create_random_student(faker), "email": email})
    with pytest.raises(DuplicateKeyError):
        await storage_broker.insert_student({**create_random_student(faker), "email": email})
