"""The registration ledger: one document per registration in ``registrations``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import AwareDatetime, Field, StringConstraints

from contracts.model import Contract, EntityId, LongText
from contracts.registrations.registration_request import MAX_GUARDIANS, MAX_IMMUNIZATIONS

# Concern keys are stored as MongoDB field names: no leading "$", no ".", no NUL.
ConcernKey = Annotated[
    str,
    StringConstraints(min_length=1, max_length=80, pattern=r"^[^$.\x00][^.\x00]*$"),
]

# student, contact and library card, plus one key per guardian and per immunization.
MAX_CONCERNS = 3 + MAX_GUARDIANS + MAX_IMMUNIZATIONS


def concern_key(concern: str, entity_id: str | None = None) -> str:
    """The ledger key of a concern: ``student``, ``contact`` or ``guardian:<id>``."""
    return concern if entity_id is None else f"{concern}:{entity_id}"


class RegistrationStatus(StrEnum):
    PENDING = "pending"
    COMPLETED = "completed"
    FAILED = "failed"


class ConcernState(StrEnum):
    PENDING = "pending"
    PERSISTED = "persisted"
    FAILED = "failed"


class ConcernStatus(Contract):
    status: ConcernState
    reason: LongText | None = None


class Registration(Contract):
    """The status of one registration and of each of its concerns, keyed by concern key."""

    id: EntityId
    status: RegistrationStatus
    student_id: EntityId
    # The key pattern lands in ``patternProperties``; closing the map keeps the schema as strict
    # as the model, so a key the model refuses is refused by the schema too.
    concerns: dict[ConcernKey, ConcernStatus] = Field(
        default_factory=dict,
        max_length=MAX_CONCERNS,
        json_schema_extra={"additionalProperties": False},
    )
    # When the registration was accepted: the time of its ``registration.requested.v1``.
    created_at: AwareDatetime
    updated_at: AwareDatetime
    # When its status first read completed or failed; set once, by the outcome that settled it.
    settled_at: AwareDatetime | None = None
    # Who posted it through the ingress (an API key's id) and the SHA-256 of the request it
    # was accepted with, for Idempotency-Key reuse; absent when published straight to the queue.
    client_id: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    request_fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None


@dataclass(frozen=True, slots=True)
class ConcernChange:
    """One concern's new status for the registration ``registration_id``, as an outcome says."""

    registration_id: str
    concern_key: str
    concern_status: ConcernStatus
