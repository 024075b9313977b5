"""The storage broker in this process's memory, for the demo and for tests without a server."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brokers.storages.document_mappings import (
    from_stored,
    to_stored,
    to_stored_fields,
    to_stored_path,
)
from brokers.storages.entity_storage_broker import EntityStorageBroker
from brokers.storages.errors import StorageNotInitializedError
from brokers.storages.memory_collections import MemoryCollection, field_value, has_field
from brokers.storages.memory_updates import apply_set, check_set_paths
from brokers.storages.storage_broker import UNIQUE_FIELDS, Document

# Only named in error messages, where a server names its database.
DATABASE = "memory"


class MemoryStorageBroker(EntityStorageBroker):
    """Documents in memory, behaving as ``MongoStorageBroker`` does.

    Copies go in and out; the same unique indexes are declared by ``initialize()`` and forgotten
    by ``drop_database()``; a taken id or unique field raises the driver's own
    ``DuplicateKeyError`` (code 11000, ``keyPattern``/``keyValue`` in its details), also when
    ``insert_or_match`` finds another document under the id, as an upsert does; dotted
    ``set_fields`` follows ``$set``, failing with the server's ``OperationFailure`` codes, and its
    ``required_field`` matches as ``{"$exists": true}`` does, its ``absent_field`` as
    ``{"$exists": false}``.
    No operation awaits, so each one is atomic on the event loop.
    """

    def __init__(self) -> None:
        self._collections: dict[str, MemoryCollection] = {}
        self._initialized = False

    async def initialize(self) -> None:
        for collection, fields in UNIQUE_FIELDS.items():
            for field in fields:
                self._created(collection).create_unique_index(field)
        self._initialized = True

    async def close(self) -> None:
        self._initialized = False

    async def is_healthy(self) -> bool:
        return self._initialized

    async def drop_database(self) -> None:
        self._ensure_initialized()
        self._collections.clear()

    async def count_documents(self, collection: str) -> int:
        found = self._existing(collection)
        return 0 if found is None else len(found)

    async def count_lacking(self, collection: str, field: str) -> int:
        return len(self._lacking(collection, field))

    async def select_first_lacking(
        self, collection: str, field: str, order_by: str
    ) -> Document | None:
        lacking = self._lacking(collection, field)
        if not lacking:
            return None
        path = to_stored_path(order_by)
        return from_stored(min(lacking, key=lambda document: str(field_value(document, path))))

    def _lacking(self, collection: str, field: str) -> list[Document]:
        found = self._existing(collection)
        path = to_stored_path(field)
        documents = [] if found is None else found.documents()
        return [document for document in documents if not has_field(document, path)]

    async def insert(self, collection: str, document: Document) -> Document:
        self._ensure_initialized()
        stored = to_stored(document)
        self._created(collection).insert(stored)
        return from_stored(stored)

    async def insert_or_match(self, collection: str, document: Document) -> None:
        self._ensure_initialized()
        self._created(collection).insert_or_match(to_stored(document))

    async def select_by_id(self, collection: str, document_id: str) -> Document | None:
        found = self._existing(collection)
        stored = None if found is None else found.find(document_id)
        return None if stored is None else from_stored(stored)

    async def select_all(self, collection: str) -> list[Document]:
        found = self._existing(collection)
        return [] if found is None else [from_stored(stored) for stored in found.documents()]

    async def replace(self, collection: str, document: Document) -> Document | None:
        stored = to_stored(document)
        found = self._existing(collection)
        if found is None or not found.replace(stored):
            return None
        return from_stored(stored)

    async def set_fields(
        self,
        collection: str,
        document_id: str,
        fields: Mapping[str, Any],
        *,
        required_field: str | None = None,
        absent_field: str | None = None,
    ) -> bool:
        stored_fields = to_stored_fields(fields)
        check_set_paths(stored_fields)
        found = self._existing(collection)
        current = None if found is None else found.find(document_id)
        if found is None or current is None:
            return False
        if required_field is not None and not has_field(current, to_stored_path(required_field)):
            return False
        if absent_field is not None and has_field(current, to_stored_path(absent_field)):
            return False
        found.replace(apply_set(current, stored_fields))
        return True

    def _ensure_initialized(self) -> None:
        if not self._initialized:
            raise StorageNotInitializedError

    def _existing(self, collection: str) -> MemoryCollection | None:
        self._ensure_initialized()
        return self._collections.get(collection)

    def _created(self, collection: str) -> MemoryCollection:
        if collection not in self._collections:
            self._collections[collection] = MemoryCollection(f"{DATABASE}.{collection}")
        return self._collections[collection]
