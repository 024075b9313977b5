"""What a registration request becomes: its entities and events, every id derived from it.

Ids derive from the registration id and a position (the student, the i-th guardian, …), and
event ids from the event type and the entity, so processing the same request twice gives the
same entities, the same events and the same ledger entry. The ingress's acceptance and the
registration worker both build the ledger entry here, so they record the same one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from contracts.contacts import Contact
from contracts.events import (
    CONTACT_REGISTERED,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    STUDENT_REGISTERED,
    Concern,
    ContactRegistered,
    EventPublication,
    GuardianRegistered,
    ImmunizationRecorded,
    LibraryCardRequested,
    RegistrationRequested,
)
from contracts.guardians import Guardian
from contracts.immunizations import Immunization
from contracts.library_cards import LibraryCardRequest
from contracts.model import Contract
from contracts.registrations import (
    ConcernState,
    ConcernStatus,
    Registration,
    RegistrationStatus,
    concern_key,
)
from contracts.students import Student

DataT = TypeVar("DataT", bound=Contract)


class DeriveId(Protocol):
    """The identifier broker's ``get_derived_identifier``: the same parts, the same id."""

    def __call__(self, *parts: str) -> str: ...


@dataclass(frozen=True, slots=True)
class PlannedEvent(Generic[DataT]):
    event_id: str
    data: DataT


@dataclass(frozen=True, slots=True)
class RegistrationPlan:
    registration_id: str
    student: PlannedEvent[Student]
    guardians: tuple[PlannedEvent[GuardianRegistered], ...]
    contact: PlannedEvent[ContactRegistered]
    library_card: PlannedEvent[LibraryCardRequested] | None
    immunizations: tuple[PlannedEvent[ImmunizationRecorded], ...]

    @property
    def concern_keys(self) -> tuple[str, ...]:
        """The ledger keys, as each concern's outcome will name them."""
        return (
            concern_key(Concern.STUDENT),
            *(concern_key(Concern.GUARDIAN, g.data.guardian.id) for g in self.guardians),
            concern_key(Concern.CONTACT),
            *([concern_key(Concern.LIBRARY_CARD)] if self.library_card else []),
            *(
                concern_key(Concern.IMMUNIZATION, i.data.immunization.id)
                for i in self.immunizations
            ),
        )


def map_to_registration_plan(
    requested: RegistrationRequested, derive_id: DeriveId
) -> RegistrationPlan:
    registration_id = requested.registration_id
    details = requested.student
    student = Student(
        id=derive_id(registration_id, Concern.STUDENT),
        first_name=details.first_name,
        last_name=details.last_name,
        date_of_birth=details.date_of_birth,
        email=details.email,
    )
    guardians = tuple(
        Guardian(
            id=derive_id(registration_id, Concern.GUARDIAN, str(position)),
            student_id=student.id,
            first_name=guardian.first_name,
            last_name=guardian.last_name,
            relationship=guardian.relationship,
            phone=guardian.phone,
            email=guardian.email,
        )
        for position, guardian in enumerate(requested.guardians)
    )
    contact = Contact(student_id=student.id, **requested.contact.model_dump())
    immunizations = tuple(
        Immunization(
            id=derive_id(registration_id, Concern.IMMUNIZATION, str(position)),
            student_id=student.id,
            vaccine=immunization.vaccine,
            dose_number=immunization.dose_number,
            administered_on=immunization.administered_on,
        )
        for position, immunization in enumerate(requested.immunizations)
    )
    library_card = (
        LibraryCardRequest(
            id=derive_id(registration_id, Concern.LIBRARY_CARD), student_id=student.id
        )
        if requested.library_card
        else None
    )
    return RegistrationPlan(
        registration_id=registration_id,
        student=PlannedEvent(derive_id(STUDENT_REGISTERED, student.id), student),
        guardians=tuple(
            PlannedEvent(
                derive_id(GUARDIAN_REGISTERED, guardian.id),
                GuardianRegistered(student=student, guardian=guardian),
            )
            for guardian in guardians
        ),
        contact=PlannedEvent(
            derive_id(CONTACT_REGISTERED, student.id),
            ContactRegistered(student=student, contact=contact),
        ),
        library_card=(
            PlannedEvent(
                derive_id(LIBRARY_CARD_REQUESTED, library_card.id),
                LibraryCardRequested(student=student, library_card=library_card),
            )
            if library_card
            else None
        ),
        immunizations=tuple(
            PlannedEvent(
                derive_id(IMMUNIZATION_RECORDED, immunization.id),
                ImmunizationRecorded(student=student, immunization=immunization),
            )
            for immunization in immunizations
        ),
    )


def map_to_pending_registration(plan: RegistrationPlan, requested_at: datetime) -> Registration:
    """The ledger entry before any outcome; dated by the request event, so it is deterministic."""
    return Registration(
        id=plan.registration_id,
        status=RegistrationStatus.PENDING,
        student_id=plan.student.data.id,
        concerns={key: ConcernStatus(status=ConcernState.PENDING) for key in plan.concern_keys},
        created_at=requested_at,
        updated_at=requested_at,
    )


def map_to_fan_out(plan: RegistrationPlan) -> tuple[EventPublication, ...]:
    """Every event the registration fans out into, in the order of its concerns."""
    registration_id = plan.registration_id
    student = plan.student
    return (
        EventPublication(STUDENT_REGISTERED, student.data, student.event_id, registration_id),
        *(
            EventPublication(GUARDIAN_REGISTERED, g.data, g.event_id, registration_id)
            for g in plan.guardians
        ),
        EventPublication(
            CONTACT_REGISTERED, plan.contact.data, plan.contact.event_id, registration_id
        ),
        *(
            [
                EventPublication(
                    LIBRARY_CARD_REQUESTED,
                    plan.library_card.data,
                    plan.library_card.event_id,
                    registration_id,
                )
            ]
            if plan.library_card
            else []
        ),
        *(
            EventPublication(IMMUNIZATION_RECORDED, i.data, i.event_id, registration_id)
            for i in plan.immunizations
        ),
    )
