from __future__ import annotations

from contracts.immunizations.exceptions.foundations import InvalidImmunizationError
from contracts.immunizations.exceptions.orchestrations import (
    FailedImmunizationOrchestrationServiceError,
    ImmunizationOrchestrationDependencyError,
    ImmunizationOrchestrationDependencyValidationError,
    ImmunizationOrchestrationServiceError,
    ImmunizationOrchestrationValidationError,
    InvalidImmunizationStudentError,
)
from services.orchestrations.failure_outcomes import publish_failure_outcome
from services.try_catch import downstream_rules, try_catch_each

IMMUNIZATION_ORCHESTRATION_RULES = downstream_rules(
    validation=ImmunizationOrchestrationValidationError,
    dependency_validation=ImmunizationOrchestrationDependencyValidationError,
    dependency=ImmunizationOrchestrationDependencyError,
    service=ImmunizationOrchestrationServiceError,
    failed_service=FailedImmunizationOrchestrationServiceError,
    own_validation_errors=(InvalidImmunizationStudentError, InvalidImmunizationError),
)

try_catch_each_immunization_orchestration = try_catch_each(
    IMMUNIZATION_ORCHESTRATION_RULES, on_error=publish_failure_outcome
)
