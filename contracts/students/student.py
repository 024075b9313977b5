from __future__ import annotations

from datetime import date

from contracts.model import Contract, Email, EntityId, Name


class Student(Contract):
    """The physical student: flat, one document in ``students`` keyed by ``id``."""

    id: EntityId
    first_name: Name
    last_name: Name
    date_of_birth: date
    email: Email
