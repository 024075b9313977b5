from __future__ import annotations

from datetime import datetime

from faker import Faker

from brokers.storages import Document
from contracts.contacts import Contact
from contracts.events import (
    CONTACT_REGISTERED,
    Concern,
    ConcernOutcome,
    ContactRegistered,
    ContactRegisteredEvent,
)
from contracts.students import Student
from tests.unit.services.concerns.common import (
    create_random_event_time,
    create_random_phone,
    create_random_source,
)
from tests.unit.services.conftest import create_random_id, create_random_student


def create_random_contact(faker: Faker, student_id: str) -> Contact:
    return Contact(
        student_id=student_id,
        address_line1=faker.street_address(),
        address_line2=faker.random_element([None, faker.secondary_address()]),
        city=faker.city(),
        postal_code=faker.postcode(),
        country=faker.country_code(),
        phone=faker.random_element([None, create_random_phone(faker)]),
        email=faker.random_element([None, faker.email(safe=True)]),
    )


def create_contact_document(contact: Contact) -> Document:
    """The document the storage broker keeps for ``contact``: keyed by its student's id."""
    return {
        "id": contact.student_id,
        "student_id": contact.student_id,
        "address_line1": contact.address_line1,
        "address_line2": contact.address_line2,
        "city": contact.city,
        "postal_code": contact.postal_code,
        "country": contact.country,
        "phone": contact.phone,
        "email": contact.email,
    }


def create_random_contact_event(
    faker: Faker, now: datetime, student: Student | None = None
) -> ContactRegisteredEvent:
    student = student or create_random_student(faker, now.date())
    return ContactRegisteredEvent(
        specversion="1.0",
        id=create_random_id(faker),
        source=create_random_source(faker),
        type=CONTACT_REGISTERED,
        time=create_random_event_time(faker, now),
        data=ContactRegistered(student=student, contact=create_random_contact(faker, student.id)),
        correlationid=create_random_id(faker),
    )


def create_random_contact_outcome(faker: Faker, reason: str | None = None) -> ConcernOutcome:
    student_id = create_random_id(faker)
    return ConcernOutcome(
        concern=Concern.CONTACT, entity_id=student_id, student_id=student_id, reason=reason
    )
