"""The entity-named operations, written once over a store's few primitives."""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any

from brokers.storages.errors import DuplicateKeyError
from brokers.storages.storage_broker import (
    CONTACTS,
    CREATED_AT,
    GUARDIANS,
    IMMUNIZATIONS,
    LIBRARY_CARDS,
    REGISTRATIONS,
    SETTLED_AT,
    STUDENTS,
    Document,
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

    @abstractmethod
    async def count_lacking(self, collection: str, field: str) -> int:
        """How many documents have no ``field`` at all."""

    @abstractmethod
    async def select_first_lacking(
        self, collection: str, field: str, order_by: str
    ) -> Document | None:
        """Of the documents without ``field``, the one lowest in ``order_by``."""

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

    async def insert_student_if_absent(self, student: Document) -> Document:
        return await self.insert_if_absent(STUDENTS, student)

    async def select_student_by_id(self, student_id: str) -> Document | None:
        return await self.select_by_id(STUDENTS, student_id)

    async def update_student(self, student: Document) -> Document | None:
        return await self.replace(STUDENTS, student)

    async def insert_guardian(self, guardian: Document) -> Document:
        return await self.insert(GUARDIANS, guardian)

    async def insert_guardian_if_absent(self, guardian: Document) -> Document:
        return await self.insert_if_absent(GUARDIANS, guardian)

    async def select_guardian_by_id(self, guardian_id: str) -> Document | None:
        return await self.select_by_id(GUARDIANS, guardian_id)

    async def insert_contact(self, contact: Document) -> Document:
        return await self.insert(CONTACTS, contact)

    async def insert_contact_if_absent(self, contact: Document) -> Document:
        return await self.insert_if_absent(CONTACTS, contact)

    async def select_contact_by_id(self, contact_id: str) -> Document | None:
        return await self.select_by_id(CONTACTS, contact_id)

    async def insert_library_card(self, library_card: Document) -> Document:
        return await self.insert(LIBRARY_CARDS, library_card)

    async def insert_library_card_if_absent(self, library_card: Document) -> Document:
        return await self.insert_if_absent(LIBRARY_CARDS, library_card)

    async def select_library_card_by_id(self, library_card_id: str) -> Document | None:
        return await self.select_by_id(LIBRARY_CARDS, library_card_id)

    async def insert_immunization(self, immunization: Document) -> Document:
        return await self.insert(IMMUNIZATIONS, immunization)

    async def insert_immunization_if_absent(self, immunization: Document) -> Document:
        return await self.insert_if_absent(IMMUNIZATIONS, immunization)

    async def select_immunization_by_id(self, immunization_id: str) -> Document | None:
        return await self.select_by_id(IMMUNIZATIONS, immunization_id)

    async def insert_registration(self, registration: Document) -> Document:
        return await self.insert(REGISTRATIONS, registration)

    async def insert_registration_if_absent(self, registration: Document) -> Document:
        return await self.insert_if_absent(REGISTRATIONS, registration)

    async def select_registration_by_id(self, registration_id: str) -> Document | None:
        return await self.select_by_id(REGISTRATIONS, registration_id)

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
