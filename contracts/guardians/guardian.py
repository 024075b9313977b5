from __future__ import annotations

from enum import StrEnum

from contracts.model import Contract, Email, EntityId, Name, Phone


class GuardianRelationship(StrEnum):
    MOTHER = "mother"
    FATHER = "father"
    GUARDIAN = "guardian"
    OTHER = "other"


class Guardian(Contract):
    """The physical guardian of one student: flat, one document in ``guardians``."""

    id: EntityId
    student_id: EntityId
    first_name: Name
    last_name: Name
    relationship: GuardianRelationship
    phone: Phone
    email: Email | None = None
