from __future__ import annotations

from contracts.events import Concern, ConcernOutcome, LibraryCardRequestedEvent
from contracts.library_cards import LibraryCard, LibraryCardRequest
from contracts.students import Student


def map_to_student(event: LibraryCardRequestedEvent) -> Student:
    return event.data.student.model_copy()


def map_to_library_card_request(event: LibraryCardRequestedEvent) -> LibraryCardRequest:
    return event.data.library_card.model_copy()


def map_to_persisted_outcome(library_card: LibraryCard) -> ConcernOutcome:
    return ConcernOutcome(
        concern=Concern.LIBRARY_CARD, entity_id=library_card.id, student_id=library_card.student_id
    )


def map_to_failed_outcome(event: LibraryCardRequestedEvent, reason: str) -> ConcernOutcome:
    return ConcernOutcome(
        concern=Concern.LIBRARY_CARD,
        entity_id=event.data.library_card.id,
        student_id=event.data.student.id,
        reason=reason[:1000],
    )
