from __future__ import annotations

from datetime import datetime

from contracts.api_keys import Client
from contracts.events import RegistrationRequested
from contracts.registrations import Registration, RegistrationRequest
from services.orchestrations.registration_events.registration_plans import (
    RegistrationPlan,
    map_to_pending_registration,
)

IDEMPOTENCY_SCOPE = "registration"


def map_to_registration_requested(
    request: RegistrationRequest, registration_id: str
) -> RegistrationRequested:
    return RegistrationRequested.model_validate(
        {**request.model_dump(), "registration_id": registration_id}
    )


def map_to_fingerprint_text(request: RegistrationRequest) -> str:
    """The request in one canonical JSON form: the same content, the same fingerprint."""
    return request.model_dump_json()


def map_to_signed_text(idempotency_key: str) -> str:
    return f"{IDEMPOTENCY_SCOPE}:{idempotency_key}"


def map_to_accepted_registration(
    plan: RegistrationPlan, accepted_at: datetime, client: Client, fingerprint: str
) -> Registration:
    """The ledger entry the ingress writes before publishing: the worker's, plus its owner."""
    return map_to_pending_registration(plan, accepted_at).model_copy(
        update={"client_id": client.id, "request_fingerprint": fingerprint}
    )
