from __future__ import annotations

from contracts.contacts.exceptions.orchestrations import InvalidContactStudentError
from contracts.events import ContactRegisteredEvent


def validate_contact_event(event: ContactRegisteredEvent) -> None:
    contact, student = event.data.contact, event.data.student
    if contact.student_id != student.id:
        raise InvalidContactStudentError(contact.student_id, student.id)
