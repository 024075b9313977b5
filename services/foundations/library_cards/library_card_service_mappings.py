from __future__ import annotations

from brokers.storages import Document
from contracts.library_cards import LibraryCard


def map_to_document(library_card: LibraryCard) -> Document:
    return library_card.model_dump(mode="json")


def map_to_library_card(document: Document) -> LibraryCard:
    return LibraryCard.model_validate(document)
