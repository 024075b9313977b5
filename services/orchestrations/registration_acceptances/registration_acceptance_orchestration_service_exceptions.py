from __future__ import annotations

from contracts.registrations.exceptions.orchestrations import (
    FailedRegistrationAcceptanceServiceError,
    InFlightIdempotencyKeyError,
    InvalidRegistrationAcceptanceError,
    MismatchedIdempotencyKeyError,
    NotFoundClientRegistrationError,
    RegistrationAcceptanceDependencyError,
    RegistrationAcceptanceDependencyValidationError,
    RegistrationAcceptanceServiceError,
    RegistrationAcceptanceValidationError,
)
from services.try_catch import downstream_rules, try_catch

try_catch_registration_acceptance = try_catch(
    downstream_rules(
        validation=RegistrationAcceptanceValidationError,
        dependency_validation=RegistrationAcceptanceDependencyValidationError,
        dependency=RegistrationAcceptanceDependencyError,
        service=RegistrationAcceptanceServiceError,
        failed_service=FailedRegistrationAcceptanceServiceError,
        own_validation_errors=(
            InvalidRegistrationAcceptanceError,
            MismatchedIdempotencyKeyError,
            InFlightIdempotencyKeyError,
            NotFoundClientRegistrationError,
        ),
    )
)
