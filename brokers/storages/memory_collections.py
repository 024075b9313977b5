"""One in-memory collection: its documents by ``_id`` and its unique indexes."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from brokers.storages.document_mappings import STORED_ID
from brokers.storages.memory_errors import duplicate_key_error
from brokers.storages.storage_broker import Document


def index_key(value: Any) -> Hashable:
    """A hashable stand-in for a value: embedded documents and arrays compare by content."""
    if isinstance(value, bool):
        # True == 1 in Python, not in an index.
        return ("bool", value)
    if isinstance(value, Mapping):
        return ("document", tuple((key, index_key(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return ("array", tuple(index_key(item) for item in value))
    hashable: Hashable = value
    return hashable


def field_value(document: Mapping[str, Any], field: str) -> Any:
    """The value a server indexes for ``field``: a missing field indexes as null."""
    value: Any = document
    for part in field.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def has_field(document: Mapping[str, Any], field: str) -> bool:
    """Whether ``{field: {"$exists": true}}`` matches ``document``.

    A field holding null exists. A step into an array takes the element a number names, or
    any element (an embedded document) that has the rest of the path, as a server does.
    """
    return _has_path(document, field.split("."))


def _has_path(value: Any, parts: list[str]) -> bool:
    if not parts:
        return True
    head, rest = parts[0], parts[1:]
    if isinstance(value, Mapping):
        return head in value and _has_path(value[head], rest)
    if not isinstance(value, list):
        return False
    named = head.isascii() and head.isdigit() and int(head) < len(value)
    if named and _has_path(value[int(head)], rest):
        return True
    return any(isinstance(item, Mapping) and _has_path(item, parts) for item in value)


class UniqueIndex:
    """Which document (by its ``_id``'s key) holds each value of ``field``."""

    def __init__(self, field: str) -> None:
        self.field = field
        self._owners: dict[Hashable, Hashable] = {}

    def is_taken(self, document: Document, owner: Hashable) -> bool:
        key = index_key(field_value(document, self.field))
        return key in self._owners and self._owners[key] != owner

    def add(self, document: Document, owner: Hashable) -> None:
        self._owners[index_key(field_value(document, self.field))] = owner

    def discard(self, document: Document) -> None:
        del self._owners[index_key(field_value(document, self.field))]


class MemoryCollection:
    """Stored documents (keyed by ``_id``) kept as given: callers copy in and out."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace
        self._documents: dict[Hashable, Document] = {}
        self._indexes: dict[str, UniqueIndex] = {}

    def __len__(self) -> int:
        return len(self._documents)

    def documents(self) -> list[Document]:
        return list(self._documents.values())

    def create_unique_index(self, field: str) -> None:
        if field in self._indexes:
            return
        index = UniqueIndex(field)
        for owner, document in self._documents.items():
            if index.is_taken(document, owner):
                raise duplicate_key_error(
                    self.namespace, field, field_value(document, field), during_update=False
                )
            index.add(document, owner)
        self._indexes[field] = index

    def find(self, document_id: Any) -> Document | None:
        return self._documents.get(index_key(document_id))

    def insert(self, document: Document) -> None:
        owner = index_key(document[STORED_ID])
        if owner in self._documents:
            raise duplicate_key_error(
                self.namespace, STORED_ID, document[STORED_ID], during_update=False
            )
        self._check_unique(document, owner, during_update=False)
        for index in self._indexes.values():
            index.add(document, owner)
        self._documents[owner] = document

    def insert_or_match(self, document: Document) -> None:
        """Insert, unless the stored document with its ``_id`` equals it in every field it names.

        A stored one that differs raises the duplicate key error an upsert would.
        """
        owner = index_key(document[STORED_ID])
        current = self._documents.get(owner)
        if current is None:
            self._check_unique(document, owner, during_update=True)
            for index in self._indexes.values():
                index.add(document, owner)
            self._documents[owner] = document
            return
        if any(
            index_key(field_value(current, key)) != index_key(value)
            for key, value in document.items()
        ):
            raise duplicate_key_error(
                self.namespace, STORED_ID, document[STORED_ID], during_update=True
            )

    def replace(self, document: Document) -> bool:
        """Put ``document`` in place of the one with its ``_id``; False when there is none."""
        owner = index_key(document[STORED_ID])
        current = self._documents.get(owner)
        if current is None:
            return False
        self._check_unique(document, owner, during_update=True)
        for index in self._indexes.values():
            index.discard(current)
            index.add(document, owner)
        self._documents[owner] = document
        return True

    def _check_unique(self, document: Document, owner: Hashable, *, during_update: bool) -> None:
        for field, index in self._indexes.items():
            if index.is_taken(document, owner):
                raise duplicate_key_error(
                    self.namespace,
                    field,
                    field_value(document, field),
                    during_update=during_update,
                )
