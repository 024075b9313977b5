"""The ledger entry (``Registration``): its concern keys, their number and their fields."""

from __future__ import annotations

from typing import Any

import pytest
from faker import Faker
from pydantic import ValidationError

from contracts.registrations import MAX_CONCERNS, Registration, concern_key
from tests.unit.contracts.conftest import (
    create_random_concern_status_payload,
    create_random_id,
    create_random_registration_payload,
    error_of,
)


@pytest.mark.parametrize(
    "invalid_key", ["$student", "$", "guardian.1", "student.", ".x", "a\x00b", "", "k" * 81]
)
def test_should_reject_concern_keys_mongodb_cannot_store(faker: Faker, invalid_key: str) -> None:
    # given
    random_payload = create_random_registration_payload(faker)
    input_payload = {
        **random_payload,
        "concerns": {invalid_key: create_random_concern_status_payload(faker)},
    }

    # when
    with pytest.raises(ValidationError) as raised:
        Registration.model_validate(input_payload)

    # then
    assert error_of(raised.value)[0] == ("concerns", invalid_key, "[key]")


def test_should_accept_concern_keys_of_every_concern(faker: Faker) -> None:
    # given
    entity_id = create_random_id(faker)
    input_keys = [
        concern_key("student"),
        concern_key("contact"),
        concern_key("library_card"),
        concern_key("guardian", entity_id),
        concern_key("immunization", entity_id),
        "s$" + "k" * 78,
    ]
    input_payload = {
        **create_random_registration_payload(faker),
        "concerns": {key: create_random_concern_status_payload(faker) for key in input_keys},
    }

    # when
    actual_registration = Registration.model_validate(input_payload)

    # then
    assert list(actual_registration.concerns) == input_keys
    assert input_keys[3] == f"guardian:{entity_id}"


def test_should_reject_more_concerns_than_a_registration_can_have(faker: Faker) -> None:
    # given
    random_payload = create_random_registration_payload(faker)
    concerns = {
        f"immunization:{index}": create_random_concern_status_payload(faker)
        for index in range(MAX_CONCERNS + 1)
    }
    input_payload = {**random_payload, "concerns": concerns}

    # when
    with pytest.raises(ValidationError) as raised:
        Registration.model_validate(input_payload)

    # then
    assert error_of(raised.value) == (("concerns",), "too_long")
    assert MAX_CONCERNS == 27


@pytest.mark.parametrize(
    ("location", "invalid_value", "error_type"),
    [
        (("status",), "done", "enum"),
        (("concerns", "student", "status"), "unknown", "enum"),
        (("concerns", "student", "reason"), "r" * 1001, "string_too_long"),
        (("concerns", "student", "unexpected"), "x", "extra_forbidden"),
    ],
)
def test_should_reject_invalid_ledger_entries(
    faker: Faker, location: tuple[str, ...], invalid_value: Any, error_type: str
) -> None:
    # given
    input_payload = create_random_registration_payload(faker)
    target = input_payload
    for key in location[:-1]:
        target = target[key]
    target[location[-1]] = invalid_value

    # when
    with pytest.raises(ValidationError) as raised:
        Registration.model_validate(input_payload)

    # then
    assert error_of(raised.value) == (location, error_type)
