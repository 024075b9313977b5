from __future__ import annotations

from contracts.contacts import Contact
from contracts.contacts.exceptions.foundations import InvalidContactError
from services.foundations.field_validations import (
    country_problems,
    id_problems,
    only_problems,
    phone_problems,
    text_problems,
)


def validate_contact_id(student_id: str) -> None:
    if errors := only_problems({"student_id": id_problems(student_id)}):
        raise InvalidContactError(errors)


def validate_contact(contact: Contact) -> None:
    if errors := contact_problems(contact):
        raise InvalidContactError(errors)


def contact_problems(contact: Contact) -> dict[str, list[str]]:
    """Each field's problems, empty when the contact is valid."""
    return only_problems(
        {
            "student_id": id_problems(contact.student_id),
            "address_line1": text_problems(contact.address_line1),
            "address_line2": _optional_text_problems(contact.address_line2),
            "city": text_problems(contact.city),
            "postal_code": text_problems(contact.postal_code),
            "country": country_problems(contact.country),
            "phone": phone_problems(contact.phone),
        }
    )


def _optional_text_problems(value: str | None) -> list[str]:
    return [] if value is None else text_problems(value)
