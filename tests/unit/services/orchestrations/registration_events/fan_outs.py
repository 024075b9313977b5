"""The fan-out of a registration request written out by hand, to compare the services with."""

from __future__ import annotations

from contracts.contacts import Contact
from contracts.events import (
    CONTACT_REGISTERED,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    STUDENT_REGISTERED,
    ContactRegistered,
    EventPublication,
    GuardianRegistered,
    ImmunizationRecorded,
    LibraryCardRequested,
    RegistrationRequestedEvent,
)
from contracts.guardians import Guardian
from contracts.immunizations import Immunization
from contracts.library_cards import LibraryCardRequest
from contracts.registrations import (
    ConcernState,
    ConcernStatus,
    Registration,
    RegistrationStatus,
)
from contracts.students import Student
from tests.unit.services.orchestrations.registration_events.conftest import derive_id


def create_expected_fan_out(
    event: RegistrationRequestedEvent,
) -> tuple[Registration, tuple[EventPublication, ...]]:
    """The ledger entry and the events a request leads to, written out by hand."""
    request = event.data
    registration_id = request.registration_id
    student = Student(
        id=derive_id(registration_id, "student"),
        **request.student.model_dump(),
    )
    guardians = [
        Guardian(
            id=derive_id(registration_id, "guardian", str(position)),
            student_id=student.id,
            **guardian.model_dump(),
        )
        for position, guardian in enumerate(request.guardians)
    ]
    immunizations = [
        Immunization(
            id=derive_id(registration_id, "immunization", str(position)),
            student_id=student.id,
            **immunization.model_dump(),
        )
        for position, immunization in enumerate(request.immunizations)
    ]
    library_card = LibraryCardRequest(
        id=derive_id(registration_id, "library_card"), student_id=student.id
    )
    publishes = (
        EventPublication(
            STUDENT_REGISTERED, student, derive_id(STUDENT_REGISTERED, student.id), registration_id
        ),
        *(
            EventPublication(
                GUARDIAN_REGISTERED,
                GuardianRegistered(student=student, guardian=guardian),
                derive_id(GUARDIAN_REGISTERED, guardian.id),
                registration_id,
            )
            for guardian in guardians
        ),
        EventPublication(
            CONTACT_REGISTERED,
            ContactRegistered(
                student=student,
                contact=Contact(student_id=student.id, **request.contact.model_dump()),
            ),
            derive_id(CONTACT_REGISTERED, student.id),
            registration_id,
        ),
        *(
            [
                EventPublication(
                    LIBRARY_CARD_REQUESTED,
                    LibraryCardRequested(student=student, library_card=library_card),
                    derive_id(LIBRARY_CARD_REQUESTED, library_card.id),
                    registration_id,
                )
            ]
            if request.library_card
            else []
        ),
        *(
            EventPublication(
                IMMUNIZATION_RECORDED,
                ImmunizationRecorded(student=student, immunization=immunization),
                derive_id(IMMUNIZATION_RECORDED, immunization.id),
                registration_id,
            )
            for immunization in immunizations
        ),
    )
    keys = [
        "student",
        *(f"guardian:{guardian.id}" for guardian in guardians),
        "contact",
        *(["library_card"] if request.library_card else []),
        *(f"immunization:{immunization.id}" for immunization in immunizations),
    ]
    registration = Registration(
        id=registration_id,
        status=RegistrationStatus.PENDING,
        student_id=student.id,
        concerns={key: ConcernStatus(status=ConcernState.PENDING) for key in keys},
        created_at=event.time,
        updated_at=event.time,
    )
    return registration, publishes
