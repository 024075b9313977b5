from contracts.registrations.registration import (
    MAX_CONCERNS,
    ConcernChange,
    ConcernKey,
    ConcernState,
    ConcernStatus,
    Registration,
    RegistrationStatus,
    concern_key,
)
from contracts.registrations.registration_request import (
    MAX_GUARDIANS,
    MAX_IMMUNIZATIONS,
    ContactDetails,
    GuardianDetails,
    ImmunizationDetails,
    RegistrationRequest,
    StudentDetails,
)

__all__ = [
    "MAX_CONCERNS",
    "MAX_GUARDIANS",
    "MAX_IMMUNIZATIONS",
    "ConcernChange",
    "ConcernKey",
    "ConcernState",
    "ConcernStatus",
    "ContactDetails",
    "GuardianDetails",
    "ImmunizationDetails",
    "Registration",
    "RegistrationRequest",
    "RegistrationStatus",
    "StudentDetails",
    "concern_key",
]
