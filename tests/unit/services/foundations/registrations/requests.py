"""Random registration requests and the events around them, for the registration slice's tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from faker import Faker

from contracts.events import (
    REGISTRATION_REQUESTED,
    Concern,
    ConcernOutcome,
    ConcernOutcomeEvent,
    RegistrationRequested,
    RegistrationRequestedEvent,
    failed_type,
    persisted_type,
)
from contracts.guardians import GuardianRelationship
from contracts.registrations import (
    ContactDetails,
    GuardianDetails,
    ImmunizationDetails,
    RegistrationRequest,
    StudentDetails,
)
from tests.unit.services.conftest import create_random_id

# A number phonenumbers knows to be valid; the fan-out never checks phones, its workers do.
PHONE = "+14155552671"
VACCINES = ("MMR", "DTaP", "Polio", "Hepatitis B", "Varicella")


def create_random_registration_request(
    faker: Faker, today: date, *, library_card: bool | None = None
) -> RegistrationRequest:
    return RegistrationRequest(
        student=StudentDetails(
            first_name=faker.first_name(),
            last_name=faker.last_name(),
            date_of_birth=today - timedelta(days=faker.random_int(min=4 * 365, max=19 * 365)),
            email=faker.email(safe=True),
        ),
        guardians=[
            GuardianDetails(
                first_name=faker.first_name(),
                last_name=faker.last_name(),
                relationship=faker.random_element(list(GuardianRelationship)),
                phone=PHONE,
                email=faker.random_element([None, faker.email(safe=True)]),
            )
            for _ in range(faker.random_int(min=1, max=4))
        ],
        contact=ContactDetails(
            address_line1=faker.street_address(),
            city=faker.city(),
            postal_code=faker.postcode(),
            country=faker.country_code(),
        ),
        library_card=faker.pybool() if library_card is None else library_card,
        immunizations=[
            ImmunizationDetails(
                vaccine=faker.random_element(VACCINES),
                dose_number=faker.random_int(min=1, max=3),
                administered_on=today - timedelta(days=faker.random_int(min=1, max=1000)),
            )
            for _ in range(faker.random_int(min=1, max=4))
        ],
    )


def create_registration_requested(
    request: RegistrationRequest, registration_id: str
) -> RegistrationRequested:
    return RegistrationRequested(
        registration_id=registration_id,
        student=request.student,
        guardians=request.guardians,
        contact=request.contact,
        library_card=request.library_card,
        immunizations=request.immunizations,
    )


def create_random_registration_requested_event(
    faker: Faker, now: datetime, *, library_card: bool | None = None
) -> RegistrationRequestedEvent:
    registration_id = create_random_id(faker)
    request = create_random_registration_request(faker, now.date(), library_card=library_card)
    return RegistrationRequestedEvent(
        specversion="1.0",
        id=create_random_id(faker),
        source=f"urn:culdesac:{faker.slug()}",
        type=REGISTRATION_REQUESTED,
        time=now - timedelta(seconds=faker.random_int(min=1, max=3600)),
        data=create_registration_requested(request, registration_id),
        correlationid=registration_id,
    )


def create_random_outcome_event(
    faker: Faker,
    now: datetime,
    *,
    concern: Concern,
    failed: bool = False,
    correlation_id: str | None = None,
) -> ConcernOutcomeEvent:
    return ConcernOutcomeEvent(
        specversion="1.0",
        id=create_random_id(faker),
        source=f"urn:culdesac:{faker.slug()}",
        type=failed_type(concern) if failed else persisted_type(concern),
        time=now - timedelta(seconds=faker.random_int(min=1, max=3600)),
        data=ConcernOutcome(
            concern=concern,
            entity_id=create_random_id(faker),
            student_id=create_random_id(faker),
            reason=faker.sentence() if failed else None,
        ),
        correlationid=correlation_id,
    )
