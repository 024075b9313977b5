from __future__ import annotations

from contracts.registrations.exceptions.orchestrations import (
    FailedRegistrationOrchestrationServiceError,
    InvalidConcernOutcomeError,
    RegistrationOrchestrationDependencyError,
    RegistrationOrchestrationDependencyValidationError,
    RegistrationOrchestrationServiceError,
    RegistrationOrchestrationValidationError,
)
from services.try_catch import downstream_rules, try_catch_each

REGISTRATION_ORCHESTRATION_RULES = downstream_rules(
    validation=RegistrationOrchestrationValidationError,
    dependency_validation=RegistrationOrchestrationDependencyValidationError,
    dependency=RegistrationOrchestrationDependencyError,
    service=RegistrationOrchestrationServiceError,
    failed_service=FailedRegistrationOrchestrationServiceError,
    own_validation_errors=(InvalidConcernOutcomeError,),
)

try_catch_each_registration_orchestration = try_catch_each(REGISTRATION_ORCHESTRATION_RULES)
