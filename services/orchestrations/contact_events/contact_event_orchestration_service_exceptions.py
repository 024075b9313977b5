from __future__ import annotations

from contracts.contacts.exceptions.orchestrations import (
    ContactOrchestrationDependencyError,
    ContactOrchestrationDependencyValidationError,
    ContactOrchestrationServiceError,
    ContactOrchestrationValidationError,
    FailedContactOrchestrationServiceError,
    InvalidContactStudentError,
)
from services.orchestrations.failure_outcomes import publish_failure_outcome
from services.try_catch import downstream_rules, try_catch_each

CONTACT_ORCHESTRATION_RULES = downstream_rules(
    validation=ContactOrchestrationValidationError,
    dependency_validation=ContactOrchestrationDependencyValidationError,
    dependency=ContactOrchestrationDependencyError,
    service=ContactOrchestrationServiceError,
    failed_service=FailedContactOrchestrationServiceError,
    own_validation_errors=(InvalidContactStudentError,),
)

try_catch_each_contact_orchestration = try_catch_each(
    CONTACT_ORCHESTRATION_RULES, on_error=publish_failure_outcome
)
