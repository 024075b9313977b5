"""A registration's entities checked by the very rules their foundations apply, field by field.

The acceptance refuses at the door what a concern worker would refuse later: each problem is
located where the request holds the field (``guardians.0.phone``), from the foundations' own
rule functions, so the door and the workers cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from services.foundations.contacts.contact_service_validations import contact_problems
from services.foundations.guardians.guardian_service_validations import guardian_problems
from services.foundations.immunizations.immunization_service_validations import (
    immunization_of_student_problems,
    immunization_problems,
)
from services.foundations.students.student_service_validations import student_problems
from services.orchestrations.registration_events.registration_plans import RegistrationPlan


def registration_plan_problems(plan: RegistrationPlan, today: date) -> dict[str, list[str]]:
    """Every entity's problems, keyed by the field's place in the request; empty when valid."""
    student = plan.student.data
    problems: dict[str, list[str]] = {}
    _add(problems, "student", student_problems(student, today))
    for position, guardian in enumerate(plan.guardians):
        _add(problems, f"guardians.{position}", guardian_problems(guardian.data.guardian))
    _add(problems, "contact", contact_problems(plan.contact.data.contact))
    for position, planned in enumerate(plan.immunizations):
        immunization = planned.data.immunization
        _add(problems, f"immunizations.{position}", immunization_problems(immunization, today))
        _add(
            problems,
            f"immunizations.{position}",
            immunization_of_student_problems(immunization, student.date_of_birth),
        )
    return problems


def _add(problems: dict[str, list[str]], prefix: str, more: Mapping[str, list[str]]) -> None:
    for field, messages in more.items():
        problems.setdefault(f"{prefix}.{field}", []).extend(messages)
