from __future__ import annotations

from datetime import date

from contracts.immunizations import Immunization
from contracts.immunizations.exceptions.foundations import InvalidImmunizationError
from services.foundations.field_validations import (
    id_problems,
    only_problems,
    past_date_problems,
    text_problems,
)


def validate_immunization_id(immunization_id: str) -> None:
    if errors := only_problems({"id": id_problems(immunization_id)}):
        raise InvalidImmunizationError(errors)


def validate_immunization(immunization: Immunization, today: date) -> None:
    errors = only_problems(
        {
            "id": id_problems(immunization.id),
            "student_id": id_problems(immunization.student_id),
            "vaccine": text_problems(immunization.vaccine),
            "administered_on": past_date_problems(immunization.administered_on, today),
        }
    )
    if errors:
        raise InvalidImmunizationError(errors)
