"""The storage brokers under test, one per implementation, and random documents for them."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import pytest
from faker import Faker

from brokers.storages import Document, MemoryStorageBroker, MongoStorageBroker, StorageBroker
from brokers.storages.storage_broker import (
    CONTACTS,
    GUARDIANS,
    IMMUNIZATIONS,
    LIBRARY_CARDS,
    REGISTRATIONS,
    STUDENTS,
)

CONCERNS = ("student", "guardians", "contact", "library_card", "immunizations")


@pytest.fixture(params=[pytest.param("memory", id="memory"), pytest.param("mongodb", id="mongodb")])
async def storage_broker(
    request: pytest.FixtureRequest, database_name: str
) -> AsyncIterator[StorageBroker]:
    """An initialized broker on this test's own database, dropped and closed afterwards."""
    broker: MemoryStorageBroker | MongoStorageBroker
    if request.param == "memory":
        broker = MemoryStorageBroker()
    else:
        broker = MongoStorageBroker(request.getfixturevalue("mongodb_url"), database_name)
    await broker.initialize()
    try:
        yield broker
    finally:
        await broker.drop_database()
        await broker.close()


def create_random_id(faker: Faker) -> str:
    return str(faker.uuid4())


def create_random_student(faker: Faker) -> Document:
    return {
        "id": create_random_id(faker),
        "first_name": faker.first_name(),
        "last_name": faker.last_name(),
        "date_of_birth": faker.date_of_birth(minimum_age=4, maximum_age=19).isoformat(),
        "email": faker.unique.email(),
    }


def create_random_guardian(faker: Faker) -> Document:
    return {
        "id": create_random_id(faker),
        "student_id": create_random_id(faker),
        "first_name": faker.first_name(),
        "last_name": faker.last_name(),
        "relationship": faker.random_element(("mother", "father", "guardian", "other")),
        "phone": faker.numerify("+1##########"),
        "email": faker.email(),
    }


def create_random_contact(faker: Faker) -> Document:
    student_id = create_random_id(faker)
    return {
        "id": student_id,
        "student_id": student_id,
        "address_line1": faker.street_address(),
        "city": faker.city(),
        "postal_code": faker.postcode(),
        "country": faker.country_code(),
        "phone": faker.numerify("+44##########"),
    }


def create_random_library_card(faker: Faker) -> Document:
    return {
        "id": create_random_id(faker),
        "student_id": create_random_id(faker),
        "card_number": faker.unique.bothify("LC-########"),
        "issued_at": faker.date_time(tzinfo=dt.UTC).isoformat(),
    }


def create_random_immunization(faker: Faker) -> Document:
    return {
        "id": create_random_id(faker),
        "student_id": create_random_id(faker),
        "vaccine": faker.random_element(("MMR", "DTaP", "Polio", "Hepatitis B", "Varicella")),
        "dose_number": faker.random_int(1, 10),
        "administered_on": faker.past_date().isoformat(),
    }


def create_random_registration(faker: Faker) -> Document:
    return {
        "id": create_random_id(faker),
        "status": "pending",
        "accepted_at": faker.date_time(tzinfo=dt.UTC).isoformat(),
        "concerns": {concern: {"status": "pending"} for concern in CONCERNS},
    }


async def insert_student_if_absent(broker: StorageBroker, student: Document) -> Document:
    """Students are ensured in batches only: a batch of one, its error raised as the others'.

    A batch may answer a new document with the very one it was given, so it gets a copy.
    """
    [result] = await broker.insert_students_if_absent([copy.deepcopy(student)])
    if isinstance(result, Exception):
        raise result
    return result


@dataclass(frozen=True)
class Entity:
    """One entity's collection, random documents and entity-named broker methods."""

    name: str
    collection: str
    create_random: Callable[[Faker], Document]
    insert: Callable[[StorageBroker, Document], Awaitable[Document]]
    insert_if_absent: Callable[[StorageBroker, Document], Awaitable[Document]]
    select_by_id: Callable[[StorageBroker, str], Awaitable[Document | None]]


ENTITIES = (
    Entity(
        "student",
        STUDENTS,
        create_random_student,
        lambda broker, document: broker.insert_student(document),
        insert_student_if_absent,
        lambda broker, document_id: broker.select_student_by_id(document_id),
    ),
    Entity(
        "guardian",
        GUARDIANS,
        create_random_guardian,
        lambda broker, document: broker.insert_guardian(document),
        lambda broker, document: broker.insert_guardian_if_absent(document),
        lambda broker, document_id: broker.select_guardian_by_id(document_id),
    ),
    Entity(
        "contact",
        CONTACTS,
        create_random_contact,
        lambda broker, document: broker.insert_contact(document),
        lambda broker, document: broker.insert_contact_if_absent(document),
        lambda broker, document_id: broker.select_contact_by_id(document_id),
    ),
    Entity(
        "library_card",
        LIBRARY_CARDS,
        create_random_library_card,
        lambda broker, document: broker.insert_library_card(document),
        lambda broker, document: broker.insert_library_card_if_absent(document),
        lambda broker, document_id: broker.select_library_card_by_id(document_id),
    ),
    Entity(
        "immunization",
        IMMUNIZATIONS,
        create_random_immunization,
        lambda broker, document: broker.insert_immunization(document),
        lambda broker, document: broker.insert_immunization_if_absent(document),
        lambda broker, document_id: broker.select_immunization_by_id(document_id),
    ),
    Entity(
        "registration",
        REGISTRATIONS,
        create_random_registration,
        lambda broker, document: broker.insert_registration(document),
        lambda broker, document: broker.insert_registration_if_absent(document),
        lambda broker, document_id: broker.select_registration_by_id(document_id),
    ),
)
ENTITY_BY_COLLECTION = {entity.collection: entity for entity in ENTITIES}
