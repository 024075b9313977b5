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
    if errors := immunization_problems(immunization, today):
        raise InvalidImmunizationError(errors)


def immunization_problems(immunization: Immunization, today: date) -> dict[str, list[str]]:
    """Each field's problems, empty when the immunization is valid."""
    return only_problems(
        {
            "id": id_problems(immunization.id),
            "student_id": id_problems(immunization.student_id),
            "vaccine": text_problems(immunization.vaccine),
            "administered_on": past_date_problems(immunization.administered_on, today),
        }
    )


def immunization_of_student_problems(
    immunization: Immunization, date_of_birth: date
) -> dict[str, list[str]]:
    """The rule across an immunization and its student: not given before the student was born."""
    if immunization.administered_on < date_of_birth:
        return {"administered_on": ["Date must not be before the student's date of birth."]}
    return {}
