from __future__ import annotations

from contracts.guardians import Guardian
from contracts.guardians.exceptions.foundations import InvalidGuardianError
from services.foundations.field_validations import (
    id_problems,
    only_problems,
    phone_problems,
    text_problems,
)


def validate_guardian_id(guardian_id: str) -> None:
    if errors := only_problems({"id": id_problems(guardian_id)}):
        raise InvalidGuardianError(errors)


def validate_guardian(guardian: Guardian) -> None:
    if errors := guardian_problems(guardian):
        raise InvalidGuardianError(errors)


def guardian_problems(guardian: Guardian) -> dict[str, list[str]]:
    """Each field's problems, empty when the guardian is valid."""
    return only_problems(
        {
            "id": id_problems(guardian.id),
            "student_id": id_problems(guardian.student_id),
            "first_name": text_problems(guardian.first_name),
            "last_name": text_problems(guardian.last_name),
            "phone": phone_problems(guardian.phone),
        }
    )
