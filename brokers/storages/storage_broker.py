"""The storage broker's contract: entity-named operations over documents (plain dicts).

Documents carry their identity as ``id``; how a store keys it (``_id`` in MongoDB) is the
broker's business. A second document with a taken id or unique key raises ``DuplicateKeyError``
in every implementation, exactly as the MongoDB driver does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

Document = dict[str, Any]

STUDENTS = "students"
GUARDIANS = "guardians"
CONTACTS = "contacts"
LIBRARY_CARDS = "library_cards"
IMMUNIZATIONS = "immunizations"
REGISTRATIONS = "registrations"
COLLECTIONS = (STUDENTS, GUARDIANS, CONTACTS, LIBRARY_CARDS, IMMUNIZATIONS, REGISTRATIONS)
# The ledger's fields an operator's view reads: when accepted, and when settled (once final).
CREATED_AT = "created_at"
SETTLED_AT = "settled_at"
# The ingress's clients, next to the ledger: names, ids and secret hashes, never secrets.
API_KEYS = "api_keys"

# Fields unique within their collection besides the id, declared at start by every store.
UNIQUE_FIELDS: Mapping[str, tuple[str, ...]] = {
    STUDENTS: ("email",),
    LIBRARY_CARDS: ("card_number", "student_id"),
    API_KEYS: ("name",),
}


@dataclass(frozen=True, slots=True)
class FieldsUpdate:
    """Set ``fields`` (possibly dotted) of the document ``document_id``, as ``set_fields`` does.

    With ``required_field``, only a document that has that field is written; with
    ``absent_field``, only one that lacks it (which ``fields`` then sets, to a value no other
    update writes, so that a read after the write tells which update set it).
    """

    document_id: str
    fields: Mapping[str, Any]
    required_field: str | None = None
    absent_field: str | None = None


class StorageBroker(Protocol):
    """Persists and reads the physical models; one method per entity and operation."""

    async def initialize(self) -> None:
        """Connect and create the unique indexes; idempotent."""

    async def close(self) -> None:
        """Release the connection."""

    async def is_healthy(self) -> bool:
        """Whether the store answers right now; it answers within the store's own timeout."""

    async def drop_database(self) -> None:
        """Remove every collection of this broker's database."""

    async def count_documents(self, collection: str) -> int:
        """How many documents ``collection`` holds."""

    async def insert_student(self, student: Document) -> Document: ...
    async def insert_students(self, students: Sequence[Document]) -> list[Document | Exception]:
        """Insert every student in one write; each one's stored copy or its own error.

        A document refused alone (a taken id or email) gets ``DuplicateKeyError`` in its place
        and the others are written; a failure of the whole store is raised.
        """

    async def insert_students_if_absent(
        self, students: Sequence[Document]
    ) -> list[Document | Exception]:
        """Insert every student unless its id is taken, in one write; each result in place.

        Where the id is taken the stored document is the answer; a clash on another unique
        field (the email) is that student's ``DuplicateKeyError``.
        """

    async def select_student_by_id(self, student_id: str) -> Document | None: ...
    async def update_student(self, student: Document) -> Document | None: ...

    async def insert_guardian(self, guardian: Document) -> Document: ...
    async def insert_guardian_if_absent(self, guardian: Document) -> Document:
        """Insert unless the id is taken; returns the stored document either way."""

    async def insert_guardians_if_absent(
        self, guardians: Sequence[Document]
    ) -> list[Document | Exception]:
        """``insert_guardian_if_absent`` for each document in one write, each in place."""

    async def select_guardian_by_id(self, guardian_id: str) -> Document | None: ...

    async def insert_contact(self, contact: Document) -> Document: ...
    async def insert_contact_if_absent(self, contact: Document) -> Document:
        """Insert unless the id is taken; returns the stored document either way."""

    async def insert_contacts_if_absent(
        self, contacts: Sequence[Document]
    ) -> list[Document | Exception]:
        """``insert_contact_if_absent`` for each document in one write, each in place."""

    async def select_contact_by_id(self, contact_id: str) -> Document | None: ...

    async def insert_library_card(self, library_card: Document) -> Document: ...
    async def insert_library_card_if_absent(self, library_card: Document) -> Document:
        """Insert unless the id is taken; returns the stored document either way."""

    async def insert_library_cards_if_absent(
        self, library_cards: Sequence[Document]
    ) -> list[Document | Exception]:
        """``insert_library_card_if_absent`` for each document in one write, each in place."""

    async def select_library_card_by_id(self, library_card_id: str) -> Document | None: ...

    async def insert_immunization(self, immunization: Document) -> Document: ...
    async def insert_immunization_if_absent(self, immunization: Document) -> Document:
        """Insert unless the id is taken; returns the stored document either way."""

    async def insert_immunizations_if_absent(
        self, immunizations: Sequence[Document]
    ) -> list[Document | Exception]:
        """``insert_immunization_if_absent`` for each document in one write, each in place."""

    async def select_immunization_by_id(self, immunization_id: str) -> Document | None: ...

    async def insert_registration(self, registration: Document) -> Document: ...
    async def insert_registration_if_absent(self, registration: Document) -> Document:
        """Insert unless the id is taken; returns the stored document either way."""

    async def insert_registrations_if_absent(
        self, registrations: Sequence[Document]
    ) -> list[Document | Exception]:
        """``insert_registration_if_absent`` for every document in one write, each in place.

        A document stored as it is (new, or equal to the stored one) is answered with itself;
        one whose id holds another document, with the stored one (one read of those ids).
        """

    async def select_registration_by_id(self, registration_id: str) -> Document | None: ...
    async def select_registrations_by_ids(
        self, registration_ids: Sequence[str]
    ) -> dict[str, Document]:
        """The registrations under the given ids, by id, in one read; absent ones left out."""

    async def count_unsettled_registrations(self) -> int:
        """How many registrations have no ``settled_at``: neither completed nor failed yet.

        A count over the collection, for operators, never on the per-message path.
        """

    async def select_oldest_unsettled_registration(self) -> Document | None:
        """The unsettled registration accepted first (by ``created_at``), if any."""

    async def update_registration_fields(
        self,
        registration_id: str,
        fields: Mapping[str, Any],
        *,
        required_field: str | None = None,
        absent_field: str | None = None,
    ) -> bool:
        """Set the given (possibly dotted) fields atomically, by id; whether it was written.

        False when there is no such registration, when ``required_field`` (a dotted path) is
        given and the registration lacks it, or when ``absent_field`` is given and the
        registration has it already: then nothing is written. One update by id, whose
        cost does not grow with the collection; the document after it is not read back.
        """

    async def insert_api_key(self, api_key: Document) -> Document: ...
    async def select_api_key_by_id(self, api_key_id: str) -> Document | None: ...
    async def select_all_api_keys(self) -> list[Document]:
        """Every API key, revoked ones included (an operator's list: a handful of documents)."""

    async def update_api_key(self, api_key: Document) -> Document | None: ...

    async def update_registrations_fields(
        self, updates: Sequence[FieldsUpdate]
    ) -> list[bool | Exception]:
        """``update_registration_fields`` for every update in one write, each answer in place.

        True where written, False where nothing matched, or the error that refused that update
        alone; a failure of the whole store is raised. One unordered bulk write by id; only when
        some update matched nothing does one read of those ids tell which.
        """
