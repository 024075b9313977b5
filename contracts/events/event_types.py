"""Event types, which are also the routing keys on the ``<namespace>.events`` exchange."""

from __future__ import annotations

from enum import StrEnum


class Concern(StrEnum):
    """A part of a registration persisted by its own worker."""

    STUDENT = "student"
    GUARDIAN = "guardian"
    CONTACT = "contact"
    LIBRARY_CARD = "library_card"
    IMMUNIZATION = "immunization"


REGISTRATION_REQUESTED = "registration.requested.v1"
STUDENT_REGISTERED = "student.registered.v1"
GUARDIAN_REGISTERED = "guardian.registered.v1"
CONTACT_REGISTERED = "contact.registered.v1"
LIBRARY_CARD_REQUESTED = "library_card.requested.v1"
IMMUNIZATION_RECORDED = "immunization.recorded.v1"


def persisted_type(concern: Concern) -> str:
    """``<concern>.persisted.v1``: the concern's worker persisted it."""
    return f"{Concern(concern)}.persisted.v1"


def failed_type(concern: Concern) -> str:
    """``<concern>.failed.v1``: the concern's worker gave up on it, with a reason."""
    return f"{Concern(concern)}.failed.v1"


REGISTRATION_TYPES: tuple[str, ...] = (
    REGISTRATION_REQUESTED,
    STUDENT_REGISTERED,
    GUARDIAN_REGISTERED,
    CONTACT_REGISTERED,
    LIBRARY_CARD_REQUESTED,
    IMMUNIZATION_RECORDED,
)
OUTCOME_TYPES: tuple[str, ...] = tuple(
    outcome_type(concern) for concern in Concern for outcome_type in (persisted_type, failed_type)
)
EVENT_TYPES: tuple[str, ...] = REGISTRATION_TYPES + OUTCOME_TYPES
