from __future__ import annotations

import re

from contracts.registrations import ConcernChange, Registration, RegistrationStatus
from contracts.registrations.exceptions.foundations import InvalidRegistrationError
from services.foundations.field_validations import id_problems

# Concern keys become MongoDB field names: no leading "$", no ".", no NUL.
CONCERN_KEY_PATTERN = re.compile(r"^[^$.\x00][^.\x00]{0,79}$")


def validate_registration_id(registration_id: str) -> None:
    _raise_if_any({"id": id_problems(registration_id)})


def validate_concern_key(concern_key: str) -> None:
    _raise_if_any({"concern_key": _concern_key_problems(concern_key)})


def validate_concern_change(change: ConcernChange) -> ConcernChange:
    """The change, when its registration id and concern key are valid."""
    _raise_if_any(
        {
            "id": id_problems(change.registration_id),
            "concern_key": _concern_key_problems(change.concern_key),
        }
    )
    return change


def validate_registration(registration: Registration) -> None:
    """Collect every field's problems before raising, so a caller can fix them all at once."""
    _raise_if_any(
        {
            "id": id_problems(registration.id),
            "student_id": id_problems(registration.student_id),
            "concerns": [] if registration.concerns else ["Concerns are required."],
            "updated_at": (
                []
                if registration.updated_at == registration.created_at
                else ["Date must be the same as created_at."]
            ),
            "settled_at": [] if registration.settled_at is None else ["Date must be absent."],
        }
    )


def validate_registration_settleable(registration: Registration) -> None:
    """Only a registration whose status is final can be settled, and only once."""
    _raise_if_any(
        {
            "id": id_problems(registration.id),
            "status": (
                ["Status must be completed or failed."]
                if registration.status is RegistrationStatus.PENDING
                else []
            ),
            "settled_at": [] if registration.settled_at is None else ["Date must be absent."],
        }
    )


def _concern_key_problems(value: str) -> list[str]:
    return [] if CONCERN_KEY_PATTERN.fullmatch(value) else ["Concern key is not valid."]


def _raise_if_any(checks: dict[str, list[str]]) -> None:
    errors = {field: problems for field, problems in checks.items() if problems}
    if errors:
        raise InvalidRegistrationError(errors)
