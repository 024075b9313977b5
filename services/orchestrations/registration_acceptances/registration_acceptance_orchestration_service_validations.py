from __future__ import annotations

from datetime import date

from contracts.api_keys import Client
from contracts.registrations import Registration
from contracts.registrations.exceptions.orchestrations import (
    InFlightIdempotencyKeyError,
    InvalidRegistrationAcceptanceError,
    MismatchedIdempotencyKeyError,
    NotFoundClientRegistrationError,
)
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


def validate_not_in_flight(registration_id: str, in_flight: set[str]) -> None:
    if registration_id in in_flight:
        raise InFlightIdempotencyKeyError


def validate_same_request(stored: Registration, accepted: Registration) -> None:
    """A stored entry under the id must be this client's, for this very request body."""
    if (stored.client_id, stored.request_fingerprint) != (
        accepted.client_id,
        accepted.request_fingerprint,
    ):
        raise MismatchedIdempotencyKeyError


def validate_owned_by(registration: Registration, client: Client) -> None:
    if registration.client_id != client.id:
        raise NotFoundClientRegistrationError(registration.id)
