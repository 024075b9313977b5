from __future__ import annotations

from datetime import datetime, timedelta

from faker import Faker

from brokers.storages import Document
from contracts.events import (
    LIBRARY_CARD_REQUESTED,
    Concern,
    ConcernOutcome,
    LibraryCardRequested,
    LibraryCardRequestedEvent,
)
from contracts.library_cards import LibraryCard, LibraryCardRequest
from contracts.students import Student
from tests.unit.services.concerns.common import create_random_event_time, create_random_source
from tests.unit.services.conftest import create_random_id, create_random_student


def create_random_card_number(faker: Faker) -> str:
    return "LC-" + faker.hexify("^" * 12, upper=True)


def create_random_library_card_request(faker: Faker, student_id: str) -> LibraryCardRequest:
    return LibraryCardRequest(id=create_random_id(faker), student_id=student_id)


def create_random_library_card(faker: Faker, student_id: str, now: datetime) -> LibraryCard:
    return LibraryCard(
        id=create_random_id(faker),
        student_id=student_id,
        card_number=create_random_card_number(faker),
        issued_at=now - timedelta(seconds=faker.random_int(min=0, max=365 * 24 * 3600)),
    )


def create_library_card_document(library_card: LibraryCard) -> Document:
    """The document the storage broker keeps for ``library_card``: JSON values, keyed by ``id``."""
    return {
        "id": library_card.id,
        "student_id": library_card.student_id,
        "card_number": library_card.card_number,
        "issued_at": library_card.issued_at.isoformat().replace("+00:00", "Z"),
    }


def create_random_library_card_event(
    faker: Faker, now: datetime, student: Student | None = None
) -> LibraryCardRequestedEvent:
    student = student or create_random_student(faker, now.date())
    return LibraryCardRequestedEvent(
        specversion="1.0",
        id=create_random_id(faker),
        source=create_random_source(faker),
        type=LIBRARY_CARD_REQUESTED,
        time=create_random_event_time(faker, now),
        data=LibraryCardRequested(
            student=student,
            library_card=create_random_library_card_request(faker, student.id),
        ),
        correlationid=create_random_id(faker),
    )


def create_random_library_card_outcome(faker: Faker, reason: str | None = None) -> ConcernOutcome:
    return ConcernOutcome(
        concern=Concern.LIBRARY_CARD,
        entity_id=create_random_id(faker),
        student_id=create_random_id(faker),
        reason=reason,
    )


def create_issued_library_card(
    request: LibraryCardRequest, derived_identifier: str, issued_at: datetime
) -> LibraryCard:
    """The card issued for ``request``: ``LC-`` and the derived identifier's first 12 hex digits."""
    return LibraryCard(
        id=request.id,
        student_id=request.student_id,
        card_number="LC-" + derived_identifier.replace("-", "")[:12].upper(),
        issued_at=issued_at,
    )
