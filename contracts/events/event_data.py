"""The ``data`` of each event type.

Concern events carry their student, so each worker can ensure the student exists itself instead
of waiting for another worker.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from contracts.contacts.contact import Contact
from contracts.events.event_types import Concern
from contracts.guardians.guardian import Guardian
from contracts.immunizations.immunization import Immunization
from contracts.library_cards.library_card import LibraryCardRequest
from contracts.model import Contract, EntityId, LongText
from contracts.registrations.registration_request import RegistrationRequest
from contracts.students.student import Student


class RegistrationRequested(RegistrationRequest):
    """``registration.requested.v1``: the request exactly as sent, plus its registration id."""

    registration_id: EntityId


class GuardianRegistered(Contract):
    student: Student
    guardian: Guardian


class ContactRegistered(Contract):
    student: Student
    contact: Contact


class LibraryCardRequested(Contract):
    student: Student
    library_card: LibraryCardRequest


class ImmunizationRecorded(Contract):
    student: Student
    immunization: Immunization


class ConcernOutcome(Contract):
    """``<concern>.persisted.v1`` / ``<concern>.failed.v1``.

    The registration id travels as the envelope's ``correlationid``. Ids are bounded strings
    rather than ``EntityId`` so that a failure can be reported even for a malformed id.
    """

    concern: Concern
    entity_id: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    student_id: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    reason: LongText | None = None
