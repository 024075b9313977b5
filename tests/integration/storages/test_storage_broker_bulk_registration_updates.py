"""Concern outcomes written to the ledger many in one write, alike in memory and over MongoDB.

Each update's answer is in its place: written, matched nothing, or its own error.
"""

from __future__ import annotations

import copy

import pytest
from faker import Faker

from brokers.storages import OperationFailure, StorageBroker
from brokers.storages.storage_broker import FieldsUpdate
from tests.integration.storages.conftest import create_random_id, create_random_registration

pytestmark = pytest.mark.integration


async def test_should_update_every_registration_that_has_the_field_in_one_write(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given: two concerns of one registration and one of another
    first, second = create_random_registration(faker), create_random_registration(faker)
    for registration in (first, second):
        await storage_broker.insert_registration(registration)
    input_updates = [
        FieldsUpdate(
            first["id"], {"concerns.student": {"status": "persisted"}}, "concerns.student"
        ),
        FieldsUpdate(
            first["id"], {"concerns.contact": {"status": "persisted"}}, "concerns.contact"
        ),
        FieldsUpdate(
            second["id"],
            {"concerns.library_card": {"status": "failed", "reason": faker.sentence()}},
            "concerns.library_card",
        ),
    ]
    expected_first = copy.deepcopy(first)
    expected_first["concerns"]["student"] = {"status": "persisted"}
    expected_first["concerns"]["contact"] = {"status": "persisted"}
    expected_second = copy.deepcopy(second)
    expected_second["concerns"]["library_card"] = input_updates[2].fields["concerns.library_card"]

    # when
    actual_results = await storage_broker.update_registrations_fields(input_updates)

    # then
    assert actual_results == [True, True, True]
    assert await storage_broker.select_registration_by_id(first["id"]) == expected_first
    assert await storage_broker.select_registration_by_id(second["id"]) == expected_second


async def test_should_answer_false_only_where_nothing_matched(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given: a written one, an unknown registration, a concern the registration lacks
    stored = create_random_registration(faker)
    await storage_broker.insert_registration(stored)
    input_updates = [
        FieldsUpdate(
            stored["id"], {"concerns.student": {"status": "persisted"}}, "concerns.student"
        ),
        FieldsUpdate(
            create_random_id(faker),
            {"concerns.student": {"status": "persisted"}},
            "concerns.student",
        ),
        FieldsUpdate(
            stored["id"], {"concerns.unknown": {"status": "persisted"}}, "concerns.unknown"
        ),
    ]
    expected_stored = copy.deepcopy(stored)
    expected_stored["concerns"]["student"] = {"status": "persisted"}

    # when
    actual_results = await storage_broker.update_registrations_fields(input_updates)

    # then: nothing written where nothing matched
    assert actual_results == [True, False, False]
    assert await storage_broker.select_registration_by_id(stored["id"]) == expected_stored


async def test_should_write_nothing_for_an_empty_batch(storage_broker: StorageBroker) -> None:
    # when
    actual_results = await storage_broker.update_registrations_fields([])

    # then
    assert actual_results == []


async def test_should_refuse_only_the_update_the_store_refuses(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given: the middle update steps into a string, which no store can give a field
    stored = create_random_registration(faker)
    await storage_broker.insert_registration(stored)
    input_updates = [
        FieldsUpdate(
            stored["id"], {"concerns.student": {"status": "persisted"}}, "concerns.student"
        ),
        FieldsUpdate(stored["id"], {"concerns.contact.status.deeper": 1}, "concerns.contact"),
        FieldsUpdate(
            stored["id"],
            {"concerns.library_card": {"status": "persisted"}},
            "concerns.library_card",
        ),
    ]
    expected_stored = copy.deepcopy(stored)
    expected_stored["concerns"]["student"] = {"status": "persisted"}
    expected_stored["concerns"]["library_card"] = {"status": "persisted"}

    # when
    actual_results = await storage_broker.update_registrations_fields(input_updates)

    # then
    assert actual_results[0] is True
    assert isinstance(actual_results[1], OperationFailure)
    assert actual_results[2] is True
    assert await storage_broker.select_registration_by_id(stored["id"]) == expected_stored


async def test_should_stamp_only_where_the_field_is_absent_and_tell_which(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given: one registration unsettled, one settled by someone else, one stamped twice here
    unsettled, settled, twice = (create_random_registration(faker) for _ in range(3))
    settled["settled_at"] = "2026-01-01T00:00:00Z"
    for registration in (unsettled, settled, twice):
        await storage_broker.insert_registration(registration)
    input_updates = [
        FieldsUpdate(
            unsettled["id"],
            {"settled_at": "2026-02-01T00:00:00.000001Z"},
            absent_field="settled_at",
        ),
        FieldsUpdate(
            settled["id"], {"settled_at": "2026-02-01T00:00:00.000002Z"}, absent_field="settled_at"
        ),
        FieldsUpdate(
            twice["id"], {"settled_at": "2026-02-01T00:00:00.000003Z"}, absent_field="settled_at"
        ),
        FieldsUpdate(
            twice["id"], {"settled_at": "2026-02-01T00:00:00.000004Z"}, absent_field="settled_at"
        ),
    ]

    # when
    actual_results = await storage_broker.update_registrations_fields(input_updates)

    # then: of the two stamps of one registration, the read tells the one that was written
    stored_twice = await storage_broker.select_registration_by_id(twice["id"])
    assert stored_twice is not None
    assert actual_results[:2] == [True, False]
    assert actual_results[2:] == [
        stored_twice["settled_at"] == update.fields["settled_at"] for update in input_updates[2:]
    ]
    assert actual_results[2:].count(True) == 1
    stored_settled = await storage_broker.select_registration_by_id(settled["id"])
    assert stored_settled == settled


async def test_should_insert_registrations_if_absent_in_one_write(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given: a new one, one stored as it is, one whose id holds another entry (a concern written)
    new, same, changed = (create_random_registration(faker) for _ in range(3))
    await storage_broker.insert_registration(same)
    stored_changed = copy.deepcopy(changed)
    stored_changed["concerns"]["student"] = {"status": "persisted"}
    await storage_broker.insert_registration(stored_changed)
    input_registrations = [new, same, changed]

    # when
    actual_results = await storage_broker.insert_registrations_if_absent(input_registrations)

    # then: the stored entry wins where it differs
    assert actual_results == [new, same, stored_changed]
    assert await storage_broker.select_registration_by_id(new["id"]) == new
    assert await storage_broker.select_registration_by_id(changed["id"]) == stored_changed
