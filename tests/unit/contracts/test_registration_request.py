from __future__ import annotations

import json
from typing import Any

import pytest
from faker import Faker
from pydantic import ValidationError

from contracts.events import RegistrationRequested
from contracts.registrations import (
    MAX_GUARDIANS,
    MAX_IMMUNIZATIONS,
    RegistrationRequest,
)
from tests.unit.contracts.conftest import (
    create_random_contact_details_payload,
    create_random_id,
    create_random_registration_request_payload,
    create_random_student_details_payload,
    error_of,
)


def test_should_round_trip_a_registration_request_through_json(faker: Faker) -> None:
    # given
    random_payload = create_random_registration_request_payload(faker)
    input_json = json.dumps(random_payload)

    # when
    actual_request = RegistrationRequest.model_validate_json(input_json)

    # then
    assert actual_request.model_dump(mode="json") == random_payload
    assert len(actual_request.guardians) == 2
    assert len(actual_request.immunizations) == 3


def test_should_default_guardians_library_card_and_immunizations(faker: Faker) -> None:
    # given
    input_payload = {
        "student": create_random_student_details_payload(faker),
        "contact": create_random_contact_details_payload(faker),
    }

    # when
    actual_request = RegistrationRequest.model_validate(input_payload)

    # then
    assert actual_request.guardians == []
    assert actual_request.library_card is False
    assert actual_request.immunizations == []


def test_should_carry_the_request_fields_and_the_registration_id_when_requested(
    faker: Faker,
) -> None:
    # given
    random_request = create_random_registration_request_payload(faker)
    random_registration_id = create_random_id(faker)
    input_payload = {**random_request, "registration_id": random_registration_id}

    # when
    actual_requested = RegistrationRequested.model_validate(input_payload)

    # then
    assert set(RegistrationRequested.model_fields) == {
        *RegistrationRequest.model_fields,
        "registration_id",
    }
    assert actual_requested.registration_id == random_registration_id
    assert actual_requested.model_dump(mode="json", exclude={"registration_id"}) == random_request


def test_should_require_the_registration_id_when_requested(faker: Faker) -> None:
    # given
    input_payload = create_random_registration_request_payload(faker)

    # when
    with pytest.raises(ValidationError) as raised:
        RegistrationRequested.model_validate(input_payload)

    # then
    assert error_of(raised.value) == (("registration_id",), "missing")


@pytest.mark.parametrize(
    "location",
    [
        (),
        ("student",),
        ("contact",),
        ("guardians", 0),
        ("immunizations", 1),
    ],
    ids=["top", "student", "contact", "guardian", "immunization"],
)
def test_should_reject_unknown_fields_at_every_level(
    faker: Faker, location: tuple[str | int, ...]
) -> None:
    # given
    input_payload = create_random_registration_request_payload(faker)
    target: Any = input_payload
    for key in location:
        target = target[key]
    target["unexpected"] = faker.word()

    # when
    with pytest.raises(ValidationError) as raised:
        RegistrationRequest.model_validate(input_payload)

    # then
    assert error_of(raised.value) == ((*location, "unexpected"), "extra_forbidden")


def test_should_accept_as_many_guardians_and_immunizations_as_allowed(faker: Faker) -> None:
    # given
    input_payload = create_random_registration_request_payload(
        faker, guardians=MAX_GUARDIANS, immunizations=MAX_IMMUNIZATIONS
    )

    # when
    actual_request = RegistrationRequest.model_validate(input_payload)

    # then
    assert (len(actual_request.guardians), len(actual_request.immunizations)) == (4, 20)


@pytest.mark.parametrize(
    ("guardians", "immunizations", "field"),
    [(MAX_GUARDIANS + 1, 0, "guardians"), (0, MAX_IMMUNIZATIONS + 1, "immunizations")],
)
def test_should_reject_too_many_guardians_or_immunizations(
    faker: Faker, guardians: int, immunizations: int, field: str
) -> None:
    # given
    input_payload = create_random_registration_request_payload(
        faker, guardians=guardians, immunizations=immunizations
    )

    # when
    with pytest.raises(ValidationError) as raised:
        RegistrationRequest.model_validate(input_payload)

    # then
    assert error_of(raised.value) == ((field,), "too_long")


@pytest.mark.parametrize(
    ("location", "invalid_value"),
    [
        (("student", "email"), "not-an-email"),
        (("student", "date_of_birth"), "2010-02-31"),
        (("student", "first_name"), "n" * 101),
        (("guardians", 0, "relationship"), "neighbour"),
        (("guardians", 1, "phone"), "+1" * 11),
        (("guardians", 0, "email"), "nobody@"),
        (("contact", "country"), "fr"),
        (("contact", "postal_code"), "9" * 21),
        (("contact", "address_line2"), "a" * 201),
        (("immunizations", 0, "dose_number"), 11),
        (("immunizations", 2, "dose_number"), "2"),
        (("immunizations", 1, "administered_on"), "last week"),
        (("library_card",), "yes"),
        (("library_card",), 1),
    ],
)
def test_should_reject_invalid_nested_values(
    faker: Faker, location: tuple[str | int, ...], invalid_value: object
) -> None:
    # given
    input_payload = create_random_registration_request_payload(faker)
    target: Any = input_payload
    for key in location[:-1]:
        target = target[key]
    target[location[-1]] = invalid_value
    input_json = json.dumps(input_payload)

    # when
    with pytest.raises(ValidationError) as raised:
        RegistrationRequest.model_validate_json(input_json)

    # then
    assert error_of(raised.value)[0] == location
