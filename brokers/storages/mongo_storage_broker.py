"""The storage broker over MongoDB, through PyMongo's async driver."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Any

import pymongo
from pymongo import ASCENDING, AsyncMongoClient, UpdateOne, monitoring
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import BulkWriteError, PyMongoError

from brokers.storages.bulk_errors import failures_by_index
from brokers.storages.document_mappings import (
    STORED_ID,
    from_stored,
    to_stored,
    to_stored_fields,
    to_stored_path,
)
from brokers.storages.entity_storage_broker import EntityStorageBroker
from brokers.storages.errors import (
    STORAGE_UNAVAILABLE_ERRORS,
    StorageNotInitializedError,
    StorageUnavailableError,
)
from brokers.storages.memory_collections import has_field
from brokers.storages.storage_broker import UNIQUE_FIELDS, Document, FieldsUpdate


class MongoStorageBroker(EntityStorageBroker):
    """Documents in the MongoDB database ``database`` at ``url``.

    The client is created by ``initialize()``; server selection, connecting and each socket
    read are bounded by ``timeout_ms``, so an absent server surfaces as a driver error (one of
    ``STORAGE_UNAVAILABLE_ERRORS``) instead of a hang.
    """

    def __init__(
        self,
        url: str,
        database: str,
        *,
        timeout_ms: int = 5000,
        command_listeners: Sequence[monitoring.CommandListener] = (),
    ) -> None:
        self._url = url
        self._command_listeners = list(command_listeners)
        self._database_name = database
        self._timeout_ms = timeout_ms
        self._client: AsyncMongoClient[Document] | None = None
        # Callers sharing one broker may initialize it concurrently; one client must result.
        self._initializing = asyncio.Lock()

    async def initialize(self) -> None:
        """Create the client and the unique indexes; idempotent, all or nothing.

        Raises ``StorageUnavailableError`` when the server does not answer within ``timeout_ms``.
        """
        async with self._initializing:
            created = self._client is None
            client = self._client or AsyncMongoClient(
                self._url,
                serverSelectionTimeoutMS=self._timeout_ms,
                connectTimeoutMS=self._timeout_ms,
                socketTimeoutMS=self._timeout_ms,
                tz_aware=True,
                event_listeners=self._command_listeners,
            )
            try:
                database = client[self._database_name]
                for collection, fields in UNIQUE_FIELDS.items():
                    for field in fields:
                        await database[collection].create_index([(field, ASCENDING)], unique=True)
            except BaseException as error:
                if created:
                    await client.close()
                if isinstance(error, STORAGE_UNAVAILABLE_ERRORS):
                    raise StorageUnavailableError(error) from error
                raise
            self._client = client

    async def close(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None
            await client.close()

    async def is_healthy(self) -> bool:
        """Whether the server answers a ping within ``timeout_ms``."""
        if self._client is None:
            return False
        try:
            with pymongo.timeout(self._timeout_ms / 1000):
                await self._client.admin.command("ping")
        except PyMongoError:
            return False
        return True

    async def drop_database(self) -> None:
        """Drop the database, its unique indexes included: ``initialize()`` declares them again."""
        await self._connected_client().drop_database(self._database_name)

    async def count_documents(self, collection: str) -> int:
        return await self._collection(collection).count_documents({})

    async def count_lacking(self, collection: str, field: str) -> int:
        return await self._collection(collection).count_documents(
            {to_stored_path(field): {"$exists": False}}
        )

    async def select_first_lacking(
        self, collection: str, field: str, order_by: str
    ) -> Document | None:
        stored = await self._collection(collection).find_one(
            {to_stored_path(field): {"$exists": False}},
            sort=[(to_stored_path(order_by), ASCENDING)],
        )
        return None if stored is None else from_stored(stored)

    async def insert(self, collection: str, document: Document) -> Document:
        stored = to_stored(document)
        await self._collection(collection).insert_one(stored)
        return from_stored(stored)

    async def insert_or_match(self, collection: str, document: Document) -> None:
        await self._collection(collection).update_one(
            *insert_or_match_update(to_stored(document)), upsert=True
        )

    async def insert_or_match_each(
        self, collection: str, documents: Sequence[Document]
    ) -> list[Exception | None]:
        """One unordered ``bulk_write`` of the upserts ``insert_or_match`` makes one by one."""
        if not documents:
            return []
        operations = [
            UpdateOne(*insert_or_match_update(to_stored(document)), upsert=True)
            for document in documents
        ]
        failures: dict[int, Exception] = {}
        try:
            await self._collection(collection).bulk_write(operations, ordered=False)
        except BulkWriteError as error:
            failures = failures_by_index(error, len(operations))
        return [failures.get(index) for index in range(len(documents))]

    async def insert_each(
        self, collection: str, documents: Sequence[Document]
    ) -> list[Document | Exception]:
        if not documents:
            return []
        stored = [to_stored(document) for document in documents]
        failures: dict[int, Exception] = {}
        try:
            # Unordered: a refused document does not stop the ones after it.
            await self._collection(collection).insert_many(stored, ordered=False)
        except BulkWriteError as error:
            failures = failures_by_index(error, len(stored))
        return [failures.get(index, document) for index, document in enumerate(documents)]

    async def select_by_ids(
        self, collection: str, document_ids: Sequence[str]
    ) -> dict[str, Document]:
        found = self._collection(collection).find({STORED_ID: {"$in": list(document_ids)}})
        return {str(stored[STORED_ID]): from_stored(stored) async for stored in found}

    async def select_by_id(self, collection: str, document_id: str) -> Document | None:
        stored = await self._collection(collection).find_one({STORED_ID: document_id})
        return None if stored is None else from_stored(stored)

    async def select_all(self, collection: str) -> list[Document]:
        return [from_stored(stored) async for stored in self._collection(collection).find({})]

    async def replace(self, collection: str, document: Document) -> Document | None:
        stored = to_stored(document)
        document_id = stored.pop(STORED_ID)
        # replace_one by _id, not findAndModify: the replacement is the document after it.
        replaced = await self._collection(collection).replace_one({STORED_ID: document_id}, stored)
        return (
            None if replaced.matched_count == 0 else from_stored({STORED_ID: document_id, **stored})
        )

    async def set_fields(
        self,
        collection: str,
        document_id: str,
        fields: Mapping[str, Any],
        *,
        required_field: str | None = None,
        absent_field: str | None = None,
    ) -> bool:
        query = fields_query(document_id, required_field, absent_field)
        if not fields:
            # An empty $set is refused by servers older than MongoDB 5.0.
            found = await self._collection(collection).find_one(query, {STORED_ID: 1})
            return found is not None
        # update_one by _id, not findAndModify: some servers scan the collection for the latter.
        updated = await self._collection(collection).update_one(
            query, {"$set": to_stored_fields(fields)}
        )
        return updated.matched_count > 0

    async def set_fields_each(
        self, collection: str, updates: Sequence[FieldsUpdate]
    ) -> list[bool | Exception]:
        """One unordered ``bulk_write`` of an ``update_one`` by ``_id`` per update.

        Each update must set at least one field. The server counts matches for the whole
        write, not per update: when they fall short, one read of the ids tells which matched.
        A required field is never removed once written, so a document holding it now held it
        when the update ran; an update that sets an absent field set it where the document
        holds the value it wrote.
        """
        if not updates:
            return []
        operations = [
            UpdateOne(
                fields_query(update.document_id, update.required_field, update.absent_field),
                {"$set": to_stored_fields(update.fields)},
            )
            for update in updates
        ]
        failures: dict[int, Exception] = {}
        try:
            written = await self._collection(collection).bulk_write(operations, ordered=False)
            matched = written.matched_count
        except BulkWriteError as error:
            failures = failures_by_index(error, len(operations))
            matched = int(error.details.get("nMatched", 0))
        if matched == len(updates) - len(failures):
            return [failures.get(index, True) for index in range(len(updates))]
        found = await self.select_by_ids(
            collection, list({update.document_id for update in updates})
        )
        return [
            failures.get(index, is_matched(found.get(update.document_id), update))
            for index, update in enumerate(updates)
        ]

    def _connected_client(self) -> AsyncMongoClient[Document]:
        if self._client is None:
            raise StorageNotInitializedError
        return self._client

    def _collection(self, collection: str) -> AsyncCollection[Document]:
        return self._connected_client()[self._database_name][collection]


def insert_or_match_update(stored: Document) -> tuple[Document, Document]:
    """The filter and update of an upsert that inserts ``stored`` or matches it as it is.

    It matches a stored document equal in every field (``$eq``, so a value is never read as an
    operator), inserts when the id is free, and raises the unique index's duplicate key error
    when another document holds the id.
    """
    fields = {key: value for key, value in stored.items() if key != STORED_ID}
    return (
        {key: {"$eq": value} for key, value in stored.items()},
        {"$setOnInsert": fields or {STORED_ID: stored[STORED_ID]}},
    )


def fields_query(
    document_id: str, required_field: str | None, absent_field: str | None = None
) -> Document:
    """An update's filter by ``_id``: only where ``required_field`` is, and ``absent_field`` not."""
    query: Document = {STORED_ID: document_id}
    if required_field is not None:
        query[to_stored_path(required_field)] = {"$exists": True}
    if absent_field is not None:
        query[to_stored_path(absent_field)] = {"$exists": False}
    return query


def is_matched(document: Document | None, update: FieldsUpdate) -> bool:
    """Whether ``update`` matched ``document``: it exists, with the required field if any.

    With an absent field, whether the document holds what this update wrote in its place.
    """
    if document is None:
        return False
    if update.absent_field is not None:
        written = update.fields.get(update.absent_field, _NOTHING)
        return bool(field_value(document, update.absent_field) == written)
    return update.required_field is None or has_field(document, update.required_field)


_NOTHING = object()


def field_value(document: Document, path: str) -> object:
    """The value at a dotted path of a document; a marker no value equals when absent."""
    value: object = document
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return _NOTHING
        value = value[part]
    return value
