from __future__ import annotations

from brokers.storages import Document
from contracts.contacts import Contact


def map_to_document(contact: Contact) -> Document:
    # A student has one contact, so the contact is stored under its student's id.
    return {"id": contact.student_id, **contact.model_dump(mode="json")}


def map_to_contact(document: Document) -> Contact:
    return Contact.model_validate({key: value for key, value in document.items() if key != "id"})
