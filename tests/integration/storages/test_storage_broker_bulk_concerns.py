"""Concerns ensured many in one write, alike in memory and over the MongoDB wire protocol.

Each result or error is in its place; a taken id answers with what is stored under it.
"""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

import pytest
from faker import Faker

from brokers.storages import Document, StorageBroker
from brokers.storages.errors import DuplicateKeyError, duplicate_key_of
from brokers.storages.storage_broker import CONTACTS, GUARDIANS, IMMUNIZATIONS, LIBRARY_CARDS
from tests.integration.storages.conftest import (
    create_random_contact,
    create_random_guardian,
    create_random_immunization,
    create_random_library_card,
)

pytestmark = pytest.mark.integration

BulkInsert = Callable[[Sequence[Document]], Awaitable[list[Document | Exception]]]


@dataclass(frozen=True)
class Concern:
    collection: str
    singular: str
    create: Callable[[Faker], Document]

    def insert_one(self, broker: StorageBroker) -> Callable[[Document], Awaitable[Document]]:
        insert: Callable[[Document], Awaitable[Document]] = getattr(
            broker, f"insert_{self.singular}"
        )
        return insert

    def insert_many_if_absent(self, broker: StorageBroker) -> BulkInsert:
        insert: BulkInsert = getattr(broker, f"insert_{self.collection}_if_absent")
        return insert

    def select_by_id(self, broker: StorageBroker) -> Callable[[str], Awaitable[Document | None]]:
        select: Callable[[str], Awaitable[Document | None]] = getattr(
            broker, f"select_{self.singular}_by_id"
        )
        return select


CONCERNS = [
    pytest.param(Concern(GUARDIANS, "guardian", create_random_guardian), id="guardians"),
    pytest.param(Concern(CONTACTS, "contact", create_random_contact), id="contacts"),
    pytest.param(
        Concern(LIBRARY_CARDS, "library_card", create_random_library_card), id="library_cards"
    ),
    pytest.param(
        Concern(IMMUNIZATIONS, "immunization", create_random_immunization), id="immunizations"
    ),
]


@pytest.mark.parametrize("concern", CONCERNS)
async def test_should_insert_if_absent_each_in_its_place(
    storage_broker: StorageBroker, faker: Faker, concern: Concern
) -> None:
    # given: new ones, one stored already as it is, another stored under a taken id, and one
    # given twice in the batch
    stored, other_stored = concern.create(faker), concern.create(faker)
    await concern.insert_one(storage_broker)(stored)
    await concern.insert_one(storage_broker)(other_stored)
    new, twice = concern.create(faker), concern.create(faker)
    under_taken_id = {
        **concern.create(faker),
        "id": other_stored["id"],
        "student_id": other_stored["student_id"],
    }
    input_documents = [new, copy.deepcopy(stored), under_taken_id, twice, copy.deepcopy(twice)]

    # when
    actual_results = await concern.insert_many_if_absent(storage_broker)(
        copy.deepcopy(input_documents)
    )

    # then: a taken id answers with what is stored under it, written once
    assert actual_results == [new, stored, other_stored, twice, twice]
    select = concern.select_by_id(storage_broker)
    assert await select(new["id"]) == new
    assert await select(twice["id"]) == twice
    assert await select(other_stored["id"]) == other_stored
    assert await storage_broker.count_documents(concern.collection) == 4


async def test_should_refuse_only_the_library_card_whose_number_is_taken(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    stored = create_random_library_card(faker)
    await storage_broker.insert_library_card(stored)
    first, last = create_random_library_card(faker), create_random_library_card(faker)
    taken_number = {**create_random_library_card(faker), "card_number": stored["card_number"]}

    # when
    actual_results = await storage_broker.insert_library_cards_if_absent(
        copy.deepcopy([first, taken_number, last])
    )

    # then
    assert actual_results[0] == first
    assert actual_results[2] == last
    assert isinstance(actual_results[1], DuplicateKeyError)
    assert duplicate_key_of(actual_results[1]) == "card_number"
    assert await storage_broker.select_library_card_by_id(taken_number["id"]) is None
    assert await storage_broker.count_documents(LIBRARY_CARDS) == 3


@pytest.mark.parametrize("concern", CONCERNS)
async def test_should_do_nothing_for_an_empty_batch(
    storage_broker: StorageBroker, concern: Concern
) -> None:
    # when
    actual_results = await concern.insert_many_if_absent(storage_broker)([])

    # then
    assert actual_results == []
    assert await storage_broker.count_documents(concern.collection) == 0
