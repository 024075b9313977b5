from __future__ import annotations

from contracts.events import LibraryCardRequestedEvent
from contracts.library_cards.exceptions.orchestrations import InvalidLibraryCardStudentError


def validate_library_card_event(event: LibraryCardRequestedEvent) -> None:
    request, student = event.data.library_card, event.data.student
    if request.student_id != student.id:
        raise InvalidLibraryCardStudentError(request.student_id, student.id)
