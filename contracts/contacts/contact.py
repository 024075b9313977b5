from __future__ import annotations

from contracts.model import (
    Contract,
    CountryCode,
    Email,
    EntityId,
    Name,
    Phone,
    PostalCode,
    ShortText,
)


class Contact(Contract):
    """The physical contact of a student: one document per student in ``contacts``.

    A student has exactly one contact, so ``student_id`` is also its identity.
    """

    student_id: EntityId
    address_line1: ShortText
    address_line2: ShortText | None = None
    city: Name
    postal_code: PostalCode
    country: CountryCode
    phone: Phone | None = None
    email: Email | None = None
