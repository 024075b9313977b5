"""The entity-named operations, written once over a store's few primitives."""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Mapping, Sequence
from typing import Any, TypeVar

from brokers.storages.errors import STORAGE_UNAVAILABLE_ERRORS, DuplicateKeyError, PyMongoError
from brokers.storages.storage_broker import (
    API_KEYS,
    CONTACTS,
    CREATED_AT,
    GUARDIANS,
    IMMUNIZATIONS,
    LIBRARY_CARDS,
    REGISTRATIONS,
    SETTLED_AT,
    STUDENTS,
    Document,
    FieldsUpdate,
)


class EntityStorageBroker(ABC):
    @abstractmethod
    async def insert(self, collection: str, document: Document) -> Document: ...

    @abstractmethod
    async def insert_or_match(self, collection: str, document: Document) -> None:
        """Insert, unless a stored document under its id equals it in every field it names.

        Another document under the id raises ``DuplicateKeyError``, as a taken unique field does.
        """

    @abstractmethod
    async def select_by_id(self, collection: str, document_id: str) -> Document | None: ...

    @abstractmethod
    async def select_all(self, collection: str) -> list[Document]: ...

    @abstractmethod
    async def replace(self, collection: str, document: Document) -> Document | None: ...

    @abstractmethod
    async def set_fields(
        self,
        collection: str,
        document_id: str,
        fields: Mapping[str, Any],
        *,
        required_field: str | None = None,
        absent_field: str | None = None,
    ) -> bool: ...

    async def set_fields_each(
        self, collection: str, updates: Sequence[FieldsUpdate]
    ) -> list[bool | Exception]:
        """``set_fields`` of every update; each one's answer, or the error that refused it.

        One update's failure never stops the others; an error that is not one update's (the
        store is away) is raised for the whole call.
        """
        return [
            await _each(
                self.set_fields(
                    collection,
                    update.document_id,
                    update.fields,
                    required_field=update.required_field,
                    absent_field=update.absent_field,
                )
            )
            for update in updates
        ]

    async def insert_or_match_each(
        self, collection: str, documents: Sequence[Document]
    ) -> list[Exception | None]:
        """``insert_or_match`` of every document; ``None`` or the error that refused it alone."""
        results: list[Exception | None] = []
        for document in documents:
            result = await _each(self.insert_or_match(collection, document))
            results.append(result if isinstance(result, Exception) else None)
        return results

    @abstractmethod
    async def count_lacking(self, collection: str, field: str) -> int:
        """How many documents have no ``field`` at all."""

    @abstractmethod
    async def select_first_lacking(
        self, collection: str, field: str, order_by: str
    ) -> Document | None:
        """Of the documents without ``field``, the one lowest in ``order_by``."""

    async def insert_each(
        self, collection: str, documents: Sequence[Document]
    ) -> list[Document | Exception]:
        """Insert every document; each one's stored copy, or the error that refused it.

        One document's failure (a taken id) never stops the others. An error that is not one
        document's (the store is away) is raised for the whole call.
        """
        return [await _each(self.insert(collection, document)) for document in documents]

    async def select_by_ids(
        self, collection: str, document_ids: Sequence[str]
    ) -> dict[str, Document]:
        """The stored documents under the given ids, by id; absent ones are left out."""
        found = {}
        for document_id in document_ids:
            if (stored := await self.select_by_id(collection, document_id)) is not None:
                found[document_id] = stored
        return found

    async def insert_each_if_absent(
        self, collection: str, documents: Sequence[Document]
    ) -> list[Document | Exception]:
        """``insert_if_absent`` for every document at once, each result or error in its place.

        One insert of all (through the unique index, as ``insert_if_absent``) and one read for
        those whose id was taken: a redelivered batch costs that read, a new one never does.
        """
        written = await self.insert_each(collection, documents)
        clashing = [
            str(document["id"])
            for document, result in zip(documents, written, strict=True)
            if isinstance(result, DuplicateKeyError)
        ]
        existing = await self.select_by_ids(collection, clashing) if clashing else {}
        results: list[Document | Exception] = []
        for document, result in zip(documents, written, strict=True):
            if isinstance(result, DuplicateKeyError):
                results.append(existing.get(str(document["id"]), result))
            else:
                results.append(result)
        return results

    async def insert_each_if_absent_or_match(
        self, collection: str, documents: Sequence[Document]
    ) -> list[Document | Exception]:
        """``insert_if_absent`` for every document at once, each result or error in its place.

        One write that inserts each document or matches it stored as it is (answered with the
        document itself), and one read of the ids that hold another document (answered with
        the stored one): a batch recorded before, or by someone else, costs no read.
        """
        written = await self.insert_or_match_each(collection, documents)
        clashing = [
            str(document["id"])
            for document, result in zip(documents, written, strict=True)
            if isinstance(result, DuplicateKeyError)
        ]
        existing = await self.select_by_ids(collection, clashing) if clashing else {}
        results: list[Document | Exception] = []
        for document, result in zip(documents, written, strict=True):
            if isinstance(result, DuplicateKeyError):
                results.append(existing.get(str(document["id"]), result))
            else:
                results.append(document if result is None else result)
        return results

    async def insert_if_absent(self, collection: str, document: Document) -> Document:
        """Insert, or return what is stored under the document's id already.

        Atomic through the store's unique index, so concurrent callers all get the one stored
        document. A clash on another unique field (not the id) still raises.
        """
        # One round trip whether the document is new or stored already as it is (a student every
        # concern of a registration ensures, the ledger entry both ingress and worker record);
        # only a stored document that differs, or a lost race, costs a read.
        try:
            await self.insert_or_match(collection, document)
        except DuplicateKeyError:
            existing = await self.select_by_id(collection, str(document["id"]))
            if existing is None:
                raise
            return existing
        return copy.deepcopy(document)

    async def insert_student(self, student: Document) -> Document:
        return await self.insert(STUDENTS, student)

    async def insert_students(self, students: Sequence[Document]) -> list[Document | Exception]:
        return await self.insert_each(STUDENTS, students)

    async def insert_students_if_absent(
        self, students: Sequence[Document]
    ) -> list[Document | Exception]:
        return await self.insert_each_if_absent(STUDENTS, students)

    async def select_student_by_id(self, student_id: str) -> Document | None:
        return await self.select_by_id(STUDENTS, student_id)

    async def update_student(self, student: Document) -> Document | None:
        return await self.replace(STUDENTS, student)

    async def insert_guardian(self, guardian: Document) -> Document:
        return await self.insert(GUARDIANS, guardian)

    async def insert_guardian_if_absent(self, guardian: Document) -> Document:
        return await self.insert_if_absent(GUARDIANS, guardian)

    async def insert_guardians_if_absent(
        self, guardians: Sequence[Document]
    ) -> list[Document | Exception]:
        return await self.insert_each_if_absent(GUARDIANS, guardians)

    async def select_guardian_by_id(self, guardian_id: str) -> Document | None:
        return await self.select_by_id(GUARDIANS, guardian_id)

    async def insert_contact(self, contact: Document) -> Document:
        return await self.insert(CONTACTS, contact)

    async def insert_contact_if_absent(self, contact: Document) -> Document:
        return await self.insert_if_absent(CONTACTS, contact)

    async def insert_contacts_if_absent(
        self, contacts: Sequence[Document]
    ) -> list[Document | Exception]:
        return await self.insert_each_if_absent(CONTACTS, contacts)

    async def select_contact_by_id(self, contact_id: str) -> Document | None:
        return await self.select_by_id(CONTACTS, contact_id)

    async def insert_library_card(self, library_card: Document) -> Document:
        return await self.insert(LIBRARY_CARDS, library_card)

    async def insert_library_card_if_absent(self, library_card: Document) -> Document:
        return await self.insert_if_absent(LIBRARY_CARDS, library_card)

    async def insert_library_cards_if_absent(
        self, library_cards: Sequence[Document]
    ) -> list[Document | Exception]:
        return await self.insert_each_if_absent(LIBRARY_CARDS, library_cards)

    async def select_library_card_by_id(self, library_card_id: str) -> Document | None:
        return await self.select_by_id(LIBRARY_CARDS, library_card_id)

    async def insert_immunization(self, immunization: Document) -> Document:
        return await self.insert(IMMUNIZATIONS, immunization)

    async def insert_immunization_if_absent(self, immunization: Document) -> Document:
        return await self.insert_if_absent(IMMUNIZATIONS, immunization)

    async def insert_immunizations_if_absent(
        self, immunizations: Sequence[Document]
    ) -> list[Document | Exception]:
        return await self.insert_each_if_absent(IMMUNIZATIONS, immunizations)

    async def select_immunization_by_id(self, immunization_id: str) -> Document | None:
        return await self.select_by_id(IMMUNIZATIONS, immunization_id)

    async def insert_registration(self, registration: Document) -> Document:
        return await self.insert(REGISTRATIONS, registration)

    async def insert_registration_if_absent(self, registration: Document) -> Document:
        return await self.insert_if_absent(REGISTRATIONS, registration)

    async def insert_registrations_if_absent(
        self, registrations: Sequence[Document]
    ) -> list[Document | Exception]:
        return await self.insert_each_if_absent_or_match(REGISTRATIONS, registrations)

    async def select_registration_by_id(self, registration_id: str) -> Document | None:
        return await self.select_by_id(REGISTRATIONS, registration_id)

    async def select_registrations_by_ids(
        self, registration_ids: Sequence[str]
    ) -> dict[str, Document]:
        return await self.select_by_ids(REGISTRATIONS, registration_ids)

    async def count_unsettled_registrations(self) -> int:
        return await self.count_lacking(REGISTRATIONS, SETTLED_AT)

    async def select_oldest_unsettled_registration(self) -> Document | None:
        return await self.select_first_lacking(REGISTRATIONS, SETTLED_AT, CREATED_AT)

    async def update_registration_fields(
        self,
        registration_id: str,
        fields: Mapping[str, Any],
        *,
        required_field: str | None = None,
        absent_field: str | None = None,
    ) -> bool:
        return await self.set_fields(
            REGISTRATIONS,
            registration_id,
            fields,
            required_field=required_field,
            absent_field=absent_field,
        )

    async def insert_api_key(self, api_key: Document) -> Document:
        return await self.insert(API_KEYS, api_key)

    async def select_api_key_by_id(self, api_key_id: str) -> Document | None:
        return await self.select_by_id(API_KEYS, api_key_id)

    async def select_all_api_keys(self) -> list[Document]:
        return await self.select_all(API_KEYS)

    async def update_api_key(self, api_key: Document) -> Document | None:
        return await self.replace(API_KEYS, api_key)

    async def update_registrations_fields(
        self, updates: Sequence[FieldsUpdate]
    ) -> list[bool | Exception]:
        return await self.set_fields_each(REGISTRATIONS, updates)


T = TypeVar("T")


async def _each(call: Awaitable[T]) -> T | Exception:
    """One document's result, or the driver's error that refused that document alone."""
    try:
        return await call
    except PyMongoError as error:
        if _is_store_wide(error):
            raise
        return error


def _is_store_wide(error: PyMongoError) -> bool:
    # An unavailable store fails every document alike: the whole call fails, as a bulk write's
    # would, instead of one error per document.
    return isinstance(error, STORAGE_UNAVAILABLE_ERRORS)
