from __future__ import annotations

from contracts.contacts import Contact
from contracts.events import Concern, ConcernOutcome, ContactRegisteredEvent
from contracts.students import Student


def map_to_student(event: ContactRegisteredEvent) -> Student:
    return event.data.student.model_copy()


def map_to_contact(event: ContactRegisteredEvent) -> Contact:
    return event.data.contact.model_copy()


def map_to_persisted_outcome(contact: Contact) -> ConcernOutcome:
    # A contact's identity is its student's.
    return ConcernOutcome(
        concern=Concern.CONTACT, entity_id=contact.student_id, student_id=contact.student_id
    )


def map_to_failed_outcome(event: ContactRegisteredEvent, reason: str) -> ConcernOutcome:
    return ConcernOutcome(
        concern=Concern.CONTACT,
        entity_id=event.data.contact.student_id,
        student_id=event.data.student.id,
        reason=reason[:1000],
    )
