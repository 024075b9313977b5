from __future__ import annotations

from contracts.students.exceptions.orchestrations import (
    FailedStudentOrchestrationServiceError,
    StudentOrchestrationDependencyError,
    StudentOrchestrationDependencyValidationError,
    StudentOrchestrationServiceError,
    StudentOrchestrationValidationError,
)
from services.orchestrations.failure_outcomes import publish_failure_outcome
from services.try_catch import downstream_rules, try_catch_each

STUDENT_ORCHESTRATION_RULES = downstream_rules(
    validation=StudentOrchestrationValidationError,
    dependency_validation=StudentOrchestrationDependencyValidationError,
    dependency=StudentOrchestrationDependencyError,
    service=StudentOrchestrationServiceError,
    failed_service=FailedStudentOrchestrationServiceError,
)

try_catch_each_student_orchestration = try_catch_each(
    STUDENT_ORCHESTRATION_RULES, on_error=publish_failure_outcome
)
