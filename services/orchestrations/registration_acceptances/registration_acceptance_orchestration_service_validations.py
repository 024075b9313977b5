from __future__ import annotations

from datetime import date

from contracts.registrations.exceptions.orchestrations import InvalidRegistrationAcceptanceError
from services.foundations.field_validations import id_problems
from services.orchestrations.registration_events.registration_plan_validations import (
    registration_plan_problems,
)
from services.orchestrations.registration_events.registration_plans import RegistrationPlan


def validate_registration_id(registration_id: str) -> None:
    if problems := id_problems(registration_id):
        raise InvalidRegistrationAcceptanceError({"registration_id": problems})


def validate_registration_plan(plan: RegistrationPlan, today: date) -> None:
    """Refuse what a concern's foundation would refuse, before anything is published."""
    if problems := registration_plan_problems(plan, today):
        raise InvalidRegistrationAcceptanceError(problems)
