from __future__ import annotations

from contracts.events import RegistrationRequested
from contracts.registrations import RegistrationRequest


def map_to_registration_requested(
    request: RegistrationRequest, registration_id: str
) -> RegistrationRequested:
    return RegistrationRequested.model_validate(
        {**request.model_dump(), "registration_id": registration_id}
    )
