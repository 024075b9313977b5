from __future__ import annotations

from contracts.registrations.exceptions.orchestrations import (
    FailedRegistrationAcceptanceOrchestrationServiceError,
    InFlightIdempotencyKeyError,
    InvalidRegistrationAcceptanceError,
    MismatchedIdempotencyKeyError,
    NotFoundClientRegistrationError,
    RegistrationAcceptanceOrchestrationDependencyError,
    RegistrationAcceptanceOrchestrationDependencyValidationError,
    RegistrationAcceptanceOrchestrationServiceError,
    RegistrationAcceptanceOrchestrationValidationError,
)
from services.try_catch import downstream_rules, try_catch

try_catch_registration_acceptance = try_catch(
    downstream_rules(
        validation=RegistrationAcceptanceOrchestrationValidationError,
        dependency_validation=RegistrationAcceptanceOrchestrationDependencyValidationError,
        dependency=RegistrationAcceptanceOrchestrationDependencyError,
        service=RegistrationAcceptanceOrchestrationServiceError,
        failed_service=FailedRegistrationAcceptanceOrchestrationServiceError,
        own_validation_errors=(
            InvalidRegistrationAcceptanceError,
            MismatchedIdempotencyKeyError,
            InFlightIdempotencyKeyError,
            NotFoundClientRegistrationError,
        ),
    )
)
