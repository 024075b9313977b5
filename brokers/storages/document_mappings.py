"""Documents travel as ``id``; stores key them as ``_id``. Both storage brokers map here."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from brokers.storages.storage_broker import Document

ID = "id"
STORED_ID = "_id"


def to_stored(document: Mapping[str, Any]) -> Document:
    """A new, deep-copied document keyed by ``_id`` instead of ``id``."""
    if STORED_ID in document:
        raise ValueError(f"documents carry their identity as {ID!r}, not {STORED_ID!r}")
    if ID not in document:
        raise ValueError(f"a document needs an {ID!r} to be stored")
    rest = {key: copy.deepcopy(value) for key, value in document.items() if key != ID}
    return {STORED_ID: copy.deepcopy(document[ID]), **rest}


def from_stored(stored: Mapping[str, Any]) -> Document:
    """A new, deep-copied document keyed by ``id`` instead of ``_id``."""
    rest = {key: copy.deepcopy(value) for key, value in stored.items() if key != STORED_ID}
    return {ID: copy.deepcopy(stored[STORED_ID]), **rest}


def to_stored_path(path: str) -> str:
    """A dotted path with a leading ``id`` renamed to ``_id``."""
    head, dot, tail = path.partition(".")
    if head == STORED_ID:
        raise ValueError(f"documents carry their identity as {ID!r}, not {STORED_ID!r}")
    return f"{STORED_ID}{dot}{tail}" if head == ID else path


def to_stored_fields(fields: Mapping[str, Any]) -> Document:
    """Dotted ``$set`` paths with a leading ``id`` renamed to ``_id``; values deep-copied."""
    return {to_stored_path(path): copy.deepcopy(value) for path, value in fields.items()}
