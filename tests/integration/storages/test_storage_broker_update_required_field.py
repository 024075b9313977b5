"""Updates that apply only where a field exists agree across memory and the MongoDB protocol."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from faker import Faker

from brokers.storages import StorageBroker
from tests.integration.storages.conftest import create_random_id, create_random_registration

pytestmark = pytest.mark.integration


async def test_should_update_registration_fields_if_required_field_exists(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    stored_registration = create_random_registration(faker)
    await storage_broker.insert_registration(stored_registration)
    reason = faker.sentence()
    updated_at = faker.date_time().isoformat()
    input_fields = {
        "concerns.library_card": {"status": "failed", "reason": reason},
        "updated_at": updated_at,
    }
    expected_registration = copy.deepcopy(stored_registration)
    expected_registration["concerns"]["library_card"] = {"status": "failed", "reason": reason}
    expected_registration["updated_at"] = updated_at

    # when
    actual_registration = await storage_broker.update_registration_fields(
        stored_registration["id"], input_fields, required_field="concerns.library_card"
    )

    # then
    assert actual_registration is True
    selected_registration = await storage_broker.select_registration_by_id(
        stored_registration["id"]
    )
    assert selected_registration == expected_registration


async def test_should_return_false_and_write_nothing_if_required_field_is_absent(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    stored_registration = create_random_registration(faker)
    await storage_broker.insert_registration(stored_registration)
    absent_key = f"guardian:{create_random_id(faker)}"

    # when
    actual_registration = await storage_broker.update_registration_fields(
        stored_registration["id"],
        {f"concerns.{absent_key}": {"status": "persisted"}, "status": "completed"},
        required_field=f"concerns.{absent_key}",
    )

    # then
    assert actual_registration is False
    selected_registration = await storage_broker.select_registration_by_id(
        stored_registration["id"]
    )
    assert selected_registration == stored_registration


async def test_should_return_false_on_update_with_required_field_if_registration_is_absent(
    storage_broker: StorageBroker, faker: Faker
) -> None:
    # given
    absent_id = create_random_id(faker)

    # when
    actual_registration = await storage_broker.update_registration_fields(
        absent_id, {"concerns.student.status": "persisted"}, required_field="concerns.student"
    )

    # then
    assert actual_registration is False
    assert await storage_broker.count_documents("registrations") == 0


# (what the stored registration holds under "extra", the required field) → whether it exists
REQUIRED_FIELD_MATCHES = [
    pytest.param({"note": None}, "extra.note", True, id="holding-null"),
    pytest.param({"other": 1}, "extra.note", False, id="absent-nested"),
    pytest.param("text", "extra.note", False, id="through-a-string"),
    pytest.param([{"note": 1}, {"other": 2}], "extra.note", True, id="in-an-array-element"),
    pytest.param([5, 6], "extra.1", True, id="array-index"),
    pytest.param([5, 6], "extra.2", False, id="array-index-past-the-end"),
    pytest.param([{"note": 1}, {"other": 2}], "extra.1.note", False, id="array-index-then-field"),
    pytest.param([[{"note": 1}]], "extra.note", False, id="nested-arrays"),
    pytest.param({}, "id", True, id="the-id"),
]


@pytest.mark.parametrize(("extra", "required_field", "expected_match"), REQUIRED_FIELD_MATCHES)
async def test_should_match_required_field_as_exists_does(
    storage_broker: StorageBroker,
    extra: Any,
    required_field: str,
    expected_match: bool,
    faker: Faker,
) -> None:
    # given
    stored_registration = {**create_random_registration(faker), "extra": extra}
    await storage_broker.insert_registration(stored_registration)
    expected_registration = {**copy.deepcopy(stored_registration), "status": "completed"}

    # when
    actual_registration = await storage_broker.update_registration_fields(
        stored_registration["id"], {"status": "completed"}, required_field=required_field
    )

    # then
    assert actual_registration is expected_match
    selected_registration = await storage_broker.select_registration_by_id(
        stored_registration["id"]
    )
    assert selected_registration == (
        expected_registration if expected_match else stored_registration
    )


@pytest.mark.parametrize(
    ("required_field", "expected_registration_found"),
    [
        pytest.param("concerns.student", True, id="present"),
        pytest.param("absent", False, id="absent"),
    ],
)
async def test_should_select_on_empty_update_only_if_required_field_exists(
    storage_broker: StorageBroker,
    required_field: str,
    expected_registration_found: bool,
    faker: Faker,
) -> None:
    # given
    stored_registration = create_random_registration(faker)
    await storage_broker.insert_registration(stored_registration)

    # when
    actual_registration = await storage_broker.update_registration_fields(
        stored_registration["id"], {}, required_field=required_field
    )

    # then
    assert actual_registration is expected_registration_found
    selected_registration = await storage_broker.select_registration_by_id(
        stored_registration["id"]
    )
    assert selected_registration == stored_registration
