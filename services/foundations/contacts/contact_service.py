from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from brokers.storages import StorageBroker
from contracts.contacts import Contact
from contracts.contacts.exceptions.foundations import NotFoundContactError
from services.foundations.bulk_additions import add_each
from services.foundations.contacts.contact_service_exceptions import (
    try_catch_contact,
    try_catch_each_contact,
)
from services.foundations.contacts.contact_service_mappings import (
    map_to_contact,
    map_to_document,
)
from services.foundations.contacts.contact_service_validations import (
    validate_contact,
    validate_contact_id,
)


class ContactService:
    def __init__(
        self,
        storage_broker: StorageBroker,
        logging_broker: LoggingBroker,
    ) -> None:
        self.storage_broker = storage_broker
        self.logging_broker = logging_broker

    @try_catch_contact
    async def add_contact(self, contact: Contact) -> Contact:
        validate_contact(contact)
        stored = await self.storage_broker.insert_contact(map_to_document(contact))
        return map_to_contact(stored)

    @try_catch_contact
    async def add_contact_if_absent(self, contact: Contact) -> Contact:
        """Add the contact, or return the one already stored for its student (not compared)."""
        validate_contact(contact)
        stored = await self.storage_broker.insert_contact_if_absent(map_to_document(contact))
        return map_to_contact(stored)

    @try_catch_each_contact
    async def add_contacts_if_absent(
        self, contacts: Sequence[Contact]
    ) -> list[Contact | Exception]:
        """``add_contact_if_absent`` for every one in one write, each result in its place."""
        return await add_each(
            contacts,
            validate=validate_contact,
            to_document=map_to_document,
            write=self.storage_broker.insert_contacts_if_absent,
            from_document=map_to_contact,
        )

    @try_catch_contact
    async def retrieve_contact_by_id(self, student_id: str) -> Contact:
        """The student's one contact: a contact's id is its student's."""
        validate_contact_id(student_id)
        stored = await self.storage_broker.select_contact_by_id(student_id)
        if stored is None:
            raise NotFoundContactError(student_id)
        return map_to_contact(stored)
