from __future__ import annotations

from datetime import date, datetime, timedelta

from faker import Faker

from brokers.storages import Document
from contracts.events import (
    IMMUNIZATION_RECORDED,
    Concern,
    ConcernOutcome,
    ImmunizationRecorded,
    ImmunizationRecordedEvent,
)
from contracts.immunizations import Immunization
from contracts.students import Student
from tests.unit.services.concerns.common import create_random_event_time, create_random_source
from tests.unit.services.conftest import create_random_id, create_random_student

VACCINES = ("MMR", "DTaP", "Polio", "Hepatitis B", "Varicella", "HPV", "Influenza")


def create_random_immunization(
    faker: Faker, student_id: str, today: date, born_on: date | None = None
) -> Immunization:
    """An immunization given in the past, and not before ``born_on`` when that is known."""
    oldest_in_days = 15 * 365 if born_on is None else min(15 * 365, (today - born_on).days)
    return Immunization(
        id=create_random_id(faker),
        student_id=student_id,
        vaccine=faker.random_element(VACCINES),
        dose_number=faker.random_int(min=1, max=10),
        administered_on=today - timedelta(days=faker.random_int(min=1, max=oldest_in_days)),
    )


def create_immunization_document(immunization: Immunization) -> Document:
    """The document the storage broker keeps for ``immunization``: JSON values, keyed by ``id``."""
    return {
        "id": immunization.id,
        "student_id": immunization.student_id,
        "vaccine": immunization.vaccine,
        "dose_number": immunization.dose_number,
        "administered_on": immunization.administered_on.isoformat(),
    }


def create_random_immunization_event(
    faker: Faker, now: datetime, student: Student | None = None
) -> ImmunizationRecordedEvent:
    student = student or create_random_student(faker, now.date())
    return ImmunizationRecordedEvent(
        specversion="1.0",
        id=create_random_id(faker),
        source=create_random_source(faker),
        type=IMMUNIZATION_RECORDED,
        time=create_random_event_time(faker, now),
        data=ImmunizationRecorded(
            student=student,
            immunization=create_random_immunization(
                faker, student.id, now.date(), student.date_of_birth
            ),
        ),
        correlationid=create_random_id(faker),
    )


def create_random_immunization_outcome(faker: Faker, reason: str | None = None) -> ConcernOutcome:
    return ConcernOutcome(
        concern=Concern.IMMUNIZATION,
        entity_id=create_random_id(faker),
        student_id=create_random_id(faker),
        reason=reason,
    )
