from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from faker import Faker
from pydantic import BaseModel, ValidationError

from contracts.contacts import Contact
from contracts.guardians import Guardian
from contracts.immunizations import Immunization
from contracts.library_cards import LibraryCard, LibraryCardRequest
from contracts.registrations import Registration
from contracts.students import Student
from tests.unit.contracts.conftest import (
    Payload,
    create_random_contact_payload,
    create_random_guardian_payload,
    create_random_id,
    create_random_immunization_payload,
    create_random_library_card_payload,
    create_random_library_card_request_payload,
    create_random_registration_payload,
    create_random_student_payload,
    error_of,
)

PhysicalCase = tuple[type[BaseModel], Callable[[Faker], Payload]]

PHYSICAL_MODELS: list[PhysicalCase] = [
    (Student, create_random_student_payload),
    (Guardian, create_random_guardian_payload),
    (Contact, create_random_contact_payload),
    (LibraryCardRequest, create_random_library_card_request_payload),
    (LibraryCard, create_random_library_card_payload),
    (Immunization, create_random_immunization_payload),
    (Registration, create_random_registration_payload),
]
MODEL_IDS = [model.__name__ for model, _ in PHYSICAL_MODELS]


@pytest.mark.parametrize(("model", "create_payload"), PHYSICAL_MODELS, ids=MODEL_IDS)
def test_should_round_trip_each_physical_model_through_json(
    faker: Faker, model: type[BaseModel], create_payload: Callable[[Faker], Payload]
) -> None:
    # given
    random_payload = create_payload(faker)
    input_json = json.dumps(random_payload)

    # when
    actual_model = model.model_validate_json(input_json)

    # then
    assert actual_model.model_dump(mode="json") == random_payload
    assert model.model_validate_json(actual_model.model_dump_json()) == actual_model


@pytest.mark.parametrize(("model", "create_payload"), PHYSICAL_MODELS, ids=MODEL_IDS)
def test_should_reject_unknown_field_on_each_physical_model(
    faker: Faker, model: type[BaseModel], create_payload: Callable[[Faker], Payload]
) -> None:
    # given
    input_payload = {**create_payload(faker), "unexpected": faker.word()}

    # when
    with pytest.raises(ValidationError) as raised:
        model.model_validate(input_payload)

    # then
    assert error_of(raised.value) == (("unexpected",), "extra_forbidden")


@pytest.mark.parametrize(("model", "create_payload"), PHYSICAL_MODELS, ids=MODEL_IDS)
def test_should_be_frozen(
    faker: Faker, model: type[BaseModel], create_payload: Callable[[Faker], Payload]
) -> None:
    # given
    input_model = model.model_validate(create_payload(faker))
    field = next(iter(model.model_fields))

    # when
    with pytest.raises(ValidationError) as raised:
        setattr(input_model, field, None)

    # then
    assert error_of(raised.value) == ((field,), "frozen_instance")


LONGEST_STRINGS: list[tuple[type[BaseModel], Callable[[Faker], Payload], str, int]] = [
    (Guardian, create_random_guardian_payload, "first_name", 100),
    (Guardian, create_random_guardian_payload, "last_name", 100),
    (Guardian, create_random_guardian_payload, "phone", 20),
    (Contact, create_random_contact_payload, "address_line1", 200),
    (Contact, create_random_contact_payload, "address_line2", 200),
    (Contact, create_random_contact_payload, "city", 100),
    (Contact, create_random_contact_payload, "postal_code", 20),
    (Contact, create_random_contact_payload, "phone", 20),
    (LibraryCard, create_random_library_card_payload, "card_number", 32),
    (Immunization, create_random_immunization_payload, "vaccine", 100),
]


@pytest.mark.parametrize(
    ("model", "create_payload", "field", "longest"),
    LONGEST_STRINGS,
    ids=[f"{model.__name__}.{field}" for model, _, field, _ in LONGEST_STRINGS],
)
def test_should_accept_the_longest_string_and_reject_a_longer_one(
    faker: Faker,
    model: type[BaseModel],
    create_payload: Callable[[Faker], Payload],
    field: str,
    longest: int,
) -> None:
    # given
    random_payload = create_payload(faker)
    longest_payload = {**random_payload, field: "7" * longest}
    too_long_payload = {**random_payload, field: "7" * (longest + 1)}

    # when
    accepted_model = model.model_validate(longest_payload)
    with pytest.raises(ValidationError) as raised:
        model.model_validate(too_long_payload)

    # then
    assert getattr(accepted_model, field) == "7" * longest
    assert error_of(raised.value) == ((field,), "string_too_long")


@pytest.mark.parametrize(
    ("model", "create_payload", "field"),
    [
        (Guardian, create_random_guardian_payload, "first_name"),
        (Contact, create_random_contact_payload, "address_line1"),
        (Contact, create_random_contact_payload, "postal_code"),
        (LibraryCard, create_random_library_card_payload, "card_number"),
        (Immunization, create_random_immunization_payload, "vaccine"),
    ],
)
def test_should_reject_blank_strings(
    faker: Faker, model: type[BaseModel], create_payload: Callable[[Faker], Payload], field: str
) -> None:
    # given
    input_payload = {**create_payload(faker), field: "   "}

    # when
    with pytest.raises(ValidationError) as raised:
        model.model_validate(input_payload)

    # then
    assert error_of(raised.value) == ((field,), "string_too_short")


@pytest.mark.parametrize(
    ("model", "create_payload", "field"),
    [
        (Guardian, create_random_guardian_payload, "id"),
        (Guardian, create_random_guardian_payload, "student_id"),
        (Contact, create_random_contact_payload, "student_id"),
        (LibraryCardRequest, create_random_library_card_request_payload, "id"),
        (Immunization, create_random_immunization_payload, "student_id"),
        (Registration, create_random_registration_payload, "id"),
    ],
)
def test_should_reject_ids_that_are_not_uuid_sized(
    faker: Faker, model: type[BaseModel], create_payload: Callable[[Faker], Payload], field: str
) -> None:
    # given
    input_payload = {**create_payload(faker), field: create_random_id(faker) + "0"}

    # when
    with pytest.raises(ValidationError) as raised:
        model.model_validate(input_payload)

    # then
    assert error_of(raised.value) == ((field,), "string_too_long")


INVALID_EMAILS = ["not-an-email", "someone@", "@example.com", "two words@example.com", "a@b@c.org"]


@pytest.mark.parametrize("invalid_email", INVALID_EMAILS)
@pytest.mark.parametrize(
    ("model", "create_payload"),
    [
        (Guardian, create_random_guardian_payload),
        (Contact, create_random_contact_payload),
        (Student, create_random_student_payload),
    ],
    ids=["Guardian", "Contact", "Student"],
)
def test_should_reject_invalid_emails(
    faker: Faker,
    model: type[BaseModel],
    create_payload: Callable[[Faker], Payload],
    invalid_email: str,
) -> None:
    # given
    input_payload = {**create_payload(faker), "email": invalid_email}

    # when
    with pytest.raises(ValidationError) as raised:
        model.model_validate(input_payload)

    # then
    assert error_of(raised.value) == (("email",), "value_error")


def test_should_reject_an_email_longer_than_254_characters(faker: Faker) -> None:
    # given
    input_payload = {
        **create_random_guardian_payload(faker),
        "email": f"{'a' * 64}@{'b' * 200}.org",
    }

    # when
    with pytest.raises(ValidationError) as raised:
        Guardian.model_validate(input_payload)

    # then
    assert error_of(raised.value)[0] == ("email",)


@pytest.mark.parametrize(
    "invalid_date", ["2024-02-30", "2023-13-01", "yesterday", "", "01/02/2020"]
)
def test_should_reject_invalid_administration_dates(faker: Faker, invalid_date: str) -> None:
    # given
    input_payload = {**create_random_immunization_payload(faker), "administered_on": invalid_date}

    # when
    with pytest.raises(ValidationError) as raised:
        Immunization.model_validate(input_payload)

    # then
    assert error_of(raised.value)[0] == ("administered_on",)


@pytest.mark.parametrize(
    ("model", "create_payload", "field"),
    [
        (LibraryCard, create_random_library_card_payload, "issued_at"),
        (Registration, create_random_registration_payload, "created_at"),
        (Registration, create_random_registration_payload, "updated_at"),
    ],
)
def test_should_reject_naive_or_invalid_timestamps(
    faker: Faker, model: type[BaseModel], create_payload: Callable[[Faker], Payload], field: str
) -> None:
    # given
    random_payload = create_payload(faker)
    naive_payload = {**random_payload, field: "2024-05-01T10:00:00"}
    invalid_payload = {**random_payload, field: "2024-05-01T25:00:00Z"}

    # when
    with pytest.raises(ValidationError) as naive_raised:
        model.model_validate(naive_payload)
    with pytest.raises(ValidationError) as invalid_raised:
        model.model_validate(invalid_payload)

    # then
    assert error_of(naive_raised.value) == ((field,), "timezone_aware")
    assert error_of(invalid_raised.value)[0] == (field,)


@pytest.mark.parametrize("invalid_country", ["us", "USA", "U", "U1", "", " US", "Us"])
def test_should_reject_countries_that_are_not_iso_alpha_2(
    faker: Faker, invalid_country: str
) -> None:
    # given
    input_payload = {**create_random_contact_payload(faker), "country": invalid_country}

    # when
    with pytest.raises(ValidationError) as raised:
        Contact.model_validate(input_payload)

    # then
    assert error_of(raised.value)[0] == ("country",)


@pytest.mark.parametrize("valid_dose", [1, 10])
def test_should_accept_the_first_and_last_dose_numbers(faker: Faker, valid_dose: int) -> None:
    # given
    input_payload = {**create_random_immunization_payload(faker), "dose_number": valid_dose}

    # when
    actual_immunization = Immunization.model_validate(input_payload)

    # then
    assert actual_immunization.dose_number == valid_dose


@pytest.mark.parametrize("invalid_dose", [0, 11, -1, "3", 2.5, 3.0, True, None])
def test_should_reject_invalid_dose_numbers(faker: Faker, invalid_dose: object) -> None:
    # given
    input_json = json.dumps(
        {**create_random_immunization_payload(faker), "dose_number": invalid_dose}
    )

    # when
    with pytest.raises(ValidationError) as raised:
        Immunization.model_validate_json(input_json)

    # then
    assert error_of(raised.value)[0] == ("dose_number",)


@pytest.mark.parametrize("invalid_relationship", ["aunt", "Mother", "", "MOTHER", None])
def test_should_reject_unknown_relationships(faker: Faker, invalid_relationship: object) -> None:
    # given
    input_payload = {**create_random_guardian_payload(faker), "relationship": invalid_relationship}

    # when
    with pytest.raises(ValidationError) as raised:
        Guardian.model_validate(input_payload)

    # then
    assert error_of(raised.value)[0] == ("relationship",)


def test_should_default_optional_fields_to_none(faker: Faker) -> None:
    # given
    random_contact = create_random_contact_payload(faker)
    input_contact = {
        key: value
        for key, value in random_contact.items()
        if key not in {"address_line2", "phone", "email"}
    }
    input_guardian = {
        key: value for key, value in create_random_guardian_payload(faker).items() if key != "email"
    }

    # when
    actual_contact = Contact.model_validate(input_contact)
    actual_guardian = Guardian.model_validate(input_guardian)

    # then
    assert (actual_contact.address_line2, actual_contact.phone, actual_contact.email) == (
        None,
        None,
        None,
    )
    assert actual_guardian.email is None
