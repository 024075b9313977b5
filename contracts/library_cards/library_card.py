from __future__ import annotations

from typing import Annotated

from pydantic import AwareDatetime, StringConstraints

from contracts.model import Contract, EntityId

CardNumber = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)]


class LibraryCardRequest(Contract):
    """A card to issue: what ``library_card.requested.v1`` carries before the worker issues it."""

    id: EntityId
    student_id: EntityId


class LibraryCard(Contract):
    """The physical, issued library card: flat, one document in ``library_cards``."""

    id: EntityId
    student_id: EntityId
    card_number: CardNumber
    issued_at: AwareDatetime
