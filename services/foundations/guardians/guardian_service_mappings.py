from __future__ import annotations

from brokers.storages import Document
from contracts.guardians import Guardian


def map_to_document(guardian: Guardian) -> Document:
    return guardian.model_dump(mode="json")


def map_to_guardian(document: Document) -> Guardian:
    return Guardian.model_validate(document)
