from __future__ import annotations

from contracts.registrations.exceptions.orchestrations import InvalidRegistrationAcceptanceError
from services.foundations.field_validations import id_problems


def validate_registration_id(registration_id: str) -> None:
    if problems := id_problems(registration_id):
        raise InvalidRegistrationAcceptanceError({"registration_id": problems})
