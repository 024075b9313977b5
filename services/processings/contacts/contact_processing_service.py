from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from contracts.contacts import Contact
from contracts.contacts.exceptions.processings import ConflictingContactError
from services.foundations.contacts import ContactService
from services.processings.bulk_ensures import conflicts_marked
from services.processings.contacts.contact_processing_service_exceptions import (
    try_catch_contact_processing,
    try_catch_each_contact_processing,
)


class ContactProcessingService:
    def __init__(self, contact_service: ContactService, logging_broker: LoggingBroker) -> None:
        self.contact_service = contact_service
        self.logging_broker = logging_broker

    @try_catch_contact_processing
    async def ensure_contact_exists(self, contact: Contact) -> Contact:
        """Add the student's contact unless stored already; another one is a conflict."""
        stored = await self.contact_service.add_contact_if_absent(contact)
        if stored != contact:
            raise ConflictingContactError(contact.student_id)
        return stored

    @try_catch_each_contact_processing
    async def ensure_contacts_exist(self, contacts: Sequence[Contact]) -> list[Contact | Exception]:
        """``ensure_contact_exists`` for every one in one write, each result in its place."""
        stored = await self.contact_service.add_contacts_if_absent(contacts)
        return conflicts_marked(
            contacts, stored, lambda contact: ConflictingContactError(contact.student_id)
        )
