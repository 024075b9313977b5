from __future__ import annotations

from contracts.guardians.exceptions.orchestrations import (
    FailedGuardianOrchestrationServiceError,
    GuardianOrchestrationDependencyError,
    GuardianOrchestrationDependencyValidationError,
    GuardianOrchestrationServiceError,
    GuardianOrchestrationValidationError,
    InvalidGuardianStudentError,
)
from services.orchestrations.failure_outcomes import publish_failure_outcome
from services.try_catch import downstream_rules, try_catch_each

GUARDIAN_ORCHESTRATION_RULES = downstream_rules(
    validation=GuardianOrchestrationValidationError,
    dependency_validation=GuardianOrchestrationDependencyValidationError,
    dependency=GuardianOrchestrationDependencyError,
    service=GuardianOrchestrationServiceError,
    failed_service=FailedGuardianOrchestrationServiceError,
    own_validation_errors=(InvalidGuardianStudentError,),
)

try_catch_each_guardian_orchestration = try_catch_each(
    GUARDIAN_ORCHESTRATION_RULES, on_error=publish_failure_outcome
)
