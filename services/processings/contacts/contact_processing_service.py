from __future__ import annotations

from brokers.loggings import LoggingBroker
from contracts.contacts import Contact
from contracts.contacts.exceptions.processings import ConflictingContactError
from services.foundations.contacts import ContactService
from services.processings.contacts.contact_processing_service_exceptions import (
    try_catch_contact_processing,
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
