from __future__ import annotations

from datetime import datetime

from faker import Faker

from brokers.storages import Document
from contracts.events import (
    GUARDIAN_REGISTERED,
    Concern,
    ConcernOutcome,
    GuardianRegistered,
    GuardianRegisteredEvent,
)
from contracts.guardians import Guardian, GuardianRelationship
from contracts.students import Student
from tests.unit.services.concerns.common import (
    create_random_event_time,
    create_random_phone,
    create_random_source,
)
from tests.unit.services.conftest import create_random_id, create_random_student


def create_random_guardian(faker: Faker, student_id: str) -> Guardian:
    return Guardian(
        id=create_random_id(faker),
        student_id=student_id,
        first_name=faker.first_name(),
        last_name=faker.last_name(),
        relationship=faker.random_element(list(GuardianRelationship)),
        phone=create_random_phone(faker),
        email=faker.random_element([None, faker.email(safe=True)]),
    )


def create_guardian_document(guardian: Guardian) -> Document:
    """The document the storage broker keeps for ``guardian``: JSON values, keyed by ``id``."""
    return {
        "id": guardian.id,
        "student_id": guardian.student_id,
        "first_name": guardian.first_name,
        "last_name": guardian.last_name,
        "relationship": guardian.relationship.value,
        "phone": guardian.phone,
        "email": guardian.email,
    }


def create_random_guardian_event(
    faker: Faker, now: datetime, student: Student | None = None
) -> GuardianRegisteredEvent:
    student = student or create_random_student(faker, now.date())
    return GuardianRegisteredEvent(
        specversion="1.0",
        id=create_random_id(faker),
        source=create_random_source(faker),
        type=GUARDIAN_REGISTERED,
        time=create_random_event_time(faker, now),
        data=GuardianRegistered(
            student=student, guardian=create_random_guardian(faker, student.id)
        ),
        correlationid=create_random_id(faker),
    )


def create_random_guardian_outcome(faker: Faker, reason: str | None = None) -> ConcernOutcome:
    return ConcernOutcome(
        concern=Concern.GUARDIAN,
        entity_id=create_random_id(faker),
        student_id=create_random_id(faker),
        reason=reason,
    )
