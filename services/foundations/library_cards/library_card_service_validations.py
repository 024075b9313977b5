from __future__ import annotations

from datetime import datetime

from contracts.library_cards import LibraryCard
from contracts.library_cards.exceptions.foundations import InvalidLibraryCardError
from services.foundations.field_validations import (
    id_problems,
    not_future_problems,
    only_problems,
    text_problems,
)


def validate_library_card_id(library_card_id: str) -> None:
    if errors := only_problems({"id": id_problems(library_card_id)}):
        raise InvalidLibraryCardError(errors)


def validate_library_card(library_card: LibraryCard, now: datetime) -> None:
    errors = only_problems(
        {
            "id": id_problems(library_card.id),
            "student_id": id_problems(library_card.student_id),
            "card_number": text_problems(library_card.card_number),
            "issued_at": not_future_problems(library_card.issued_at, now),
        }
    )
    if errors:
        raise InvalidLibraryCardError(errors)
