from __future__ import annotations

from datetime import datetime

from contracts.library_cards import LibraryCard, LibraryCardRequest

CARD_NUMBER_PREFIX = "LC-"
CARD_NUMBER_DIGITS = 12


def map_to_card_number(derived_identifier: str) -> str:
    """``LC-`` and the first 12 hex digits of a derived UUID, upper case: ``LC-3F2A9C0B41D7``."""
    digits = derived_identifier.replace("-", "")[:CARD_NUMBER_DIGITS].upper()
    return f"{CARD_NUMBER_PREFIX}{digits}"


def map_to_library_card(
    request: LibraryCardRequest, card_number: str, issued_at: datetime
) -> LibraryCard:
    return LibraryCard(
        id=request.id,
        student_id=request.student_id,
        card_number=card_number,
        issued_at=issued_at,
    )
