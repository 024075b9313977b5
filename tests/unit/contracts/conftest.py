"""Random wire payloads (plain JSON values, as a client would send them) for the contracts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from typing import Any

import pytest
from faker import Faker
from pydantic import ValidationError

from contracts.events import (
    CONTACT_REGISTERED,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    OUTCOME_TYPES,
    REGISTRATION_REQUESTED,
    STUDENT_REGISTERED,
)
from contracts.guardians import GuardianRelationship
from contracts.registrations import ConcernState, RegistrationStatus

Payload = dict[str, Any]

VACCINES = ("MMR", "DTaP", "Polio", "Hepatitis B", "Varicella", "HPV", "Influenza")


@pytest.fixture(autouse=True)
def faker_seed() -> int:
    # A fixed seed per test: random-looking data that reproduces on failure. Autouse, because
    # the faker plugin only reads the seed from fixtures the test has requested.
    return 20_240_901


def create_random_id(faker: Faker) -> str:
    return str(faker.uuid4())


def create_random_timestamp(faker: Faker) -> str:
    # The form pydantic writes back, so a round trip compares equal as text.
    moment = faker.date_time_between(start_date="-2y", end_date="now", tzinfo=UTC)
    return moment.isoformat().replace("+00:00", "Z")


def create_random_phone(faker: Faker) -> str:
    # San Francisco numbers that phonenumbers finds valid, as the foundations require.
    return f"+1415555{faker.numerify('####')}"


def create_random_student_details_payload(faker: Faker) -> Payload:
    return {
        "first_name": faker.first_name(),
        "last_name": faker.last_name(),
        "date_of_birth": faker.date_of_birth(minimum_age=4, maximum_age=19).isoformat(),
        "email": faker.email(safe=True),
    }


def create_random_student_payload(faker: Faker) -> Payload:
    return {"id": create_random_id(faker), **create_random_student_details_payload(faker)}


def create_random_guardian_details_payload(faker: Faker) -> Payload:
    return {
        "first_name": faker.first_name(),
        "last_name": faker.last_name(),
        "relationship": faker.random_element(list(GuardianRelationship)).value,
        "phone": create_random_phone(faker),
        "email": faker.random_element([None, faker.email(safe=True)]),
    }


def create_random_guardian_payload(faker: Faker, student_id: str | None = None) -> Payload:
    return {
        "id": create_random_id(faker),
        "student_id": student_id or create_random_id(faker),
        **create_random_guardian_details_payload(faker),
    }


def create_random_contact_details_payload(faker: Faker) -> Payload:
    return {
        "address_line1": faker.street_address(),
        "address_line2": faker.random_element([None, faker.secondary_address()]),
        "city": faker.city(),
        "postal_code": faker.postcode(),
        "country": faker.country_code(),
        "phone": faker.random_element([None, create_random_phone(faker)]),
        "email": faker.random_element([None, faker.email(safe=True)]),
    }


def create_random_contact_payload(faker: Faker, student_id: str | None = None) -> Payload:
    return {
        "student_id": student_id or create_random_id(faker),
        **create_random_contact_details_payload(faker),
    }


def create_random_library_card_request_payload(
    faker: Faker, student_id: str | None = None
) -> Payload:
    return {"id": create_random_id(faker), "student_id": student_id or create_random_id(faker)}


def create_random_library_card_payload(faker: Faker) -> Payload:
    return {
        **create_random_library_card_request_payload(faker),
        "card_number": faker.bothify("LC-####-????").upper(),
        "issued_at": create_random_timestamp(faker),
    }


def create_random_immunization_details_payload(faker: Faker) -> Payload:
    return {
        "vaccine": faker.random_element(VACCINES),
        "dose_number": faker.random_int(min=1, max=10),
        # Within three years: after the birth of the youngest student the payloads make (4).
        "administered_on": faker.past_date(start_date="-3y").isoformat(),
    }


def create_random_immunization_payload(faker: Faker, student_id: str | None = None) -> Payload:
    return {
        "id": create_random_id(faker),
        "student_id": student_id or create_random_id(faker),
        **create_random_immunization_details_payload(faker),
    }


def create_random_concern_status_payload(faker: Faker) -> Payload:
    state = faker.random_element(list(ConcernState))
    reason = faker.sentence() if state is ConcernState.FAILED else None
    return {"status": state.value, "reason": reason}


def create_random_registration_payload(faker: Faker) -> Payload:
    concerns = {"student": create_random_concern_status_payload(faker)}
    concerns["contact"] = create_random_concern_status_payload(faker)
    concerns[f"guardian:{create_random_id(faker)}"] = create_random_concern_status_payload(faker)
    concerns[f"immunization:{create_random_id(faker)}"] = create_random_concern_status_payload(
        faker
    )
    return {
        "id": create_random_id(faker),
        "status": faker.random_element(list(RegistrationStatus)).value,
        "student_id": create_random_id(faker),
        "concerns": concerns,
        "created_at": create_random_timestamp(faker),
        "updated_at": create_random_timestamp(faker),
        "settled_at": faker.random_element([None, create_random_timestamp(faker)]),
        "client_id": create_random_id(faker),
        "request_fingerprint": faker.sha256(),
    }


def create_random_registration_request_payload(
    faker: Faker, guardians: int = 2, immunizations: int = 3
) -> Payload:
    return {
        "student": create_random_student_details_payload(faker),
        "guardians": [create_random_guardian_details_payload(faker) for _ in range(guardians)],
        "contact": create_random_contact_details_payload(faker),
        "library_card": faker.pybool(),
        "immunizations": [
            create_random_immunization_details_payload(faker) for _ in range(immunizations)
        ],
    }


def create_random_outcome_payload(faker: Faker, event_type: str, student_id: str) -> Payload:
    concern, outcome, _ = event_type.split(".")
    return {
        "concern": concern,
        "entity_id": create_random_id(faker),
        "student_id": student_id,
        "reason": faker.sentence() if outcome == "failed" else None,
    }


def create_random_event_data_payload(faker: Faker, event_type: str) -> Payload:
    student = create_random_student_payload(faker)
    student_id = student["id"]
    if event_type in OUTCOME_TYPES:
        return create_random_outcome_payload(faker, event_type, student_id)
    if event_type == REGISTRATION_REQUESTED:
        return {
            **create_random_registration_request_payload(faker),
            "registration_id": create_random_id(faker),
        }
    if event_type == STUDENT_REGISTERED:
        return student
    concerns: dict[str, Callable[[], tuple[str, Payload]]] = {
        GUARDIAN_REGISTERED: lambda: (
            "guardian",
            create_random_guardian_payload(faker, student_id),
        ),
        CONTACT_REGISTERED: lambda: ("contact", create_random_contact_payload(faker, student_id)),
        LIBRARY_CARD_REQUESTED: lambda: (
            "library_card",
            create_random_library_card_request_payload(faker, student_id),
        ),
        IMMUNIZATION_RECORDED: lambda: (
            "immunization",
            create_random_immunization_payload(faker, student_id),
        ),
    }
    name, concern = concerns[event_type]()
    return {"student": student, name: concern}


def create_random_event_payload(faker: Faker, event_type: str) -> Payload:
    return {
        "specversion": "1.0",
        "id": create_random_id(faker),
        "source": f"/culdesac/{faker.slug()}",
        "type": event_type,
        "time": create_random_timestamp(faker),
        "datacontenttype": "application/json",
        "data": create_random_event_data_payload(faker, event_type),
        "correlationid": create_random_id(faker),
    }


def error_of(error: ValidationError) -> tuple[tuple[int | str, ...], str]:
    """The location and type of the one error raised, so a test fails for the right reason."""
    errors = error.errors()
    assert len(errors) == 1, errors
    return errors[0]["loc"], errors[0]["type"]
