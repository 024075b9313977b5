from __future__ import annotations

from contracts.library_cards.exceptions.orchestrations import (
    FailedLibraryCardOrchestrationServiceError,
    InvalidLibraryCardStudentError,
    LibraryCardOrchestrationDependencyError,
    LibraryCardOrchestrationDependencyValidationError,
    LibraryCardOrchestrationServiceError,
    LibraryCardOrchestrationValidationError,
)
from services.orchestrations.failure_outcomes import publish_failure_outcome
from services.try_catch import downstream_rules, try_catch_each

LIBRARY_CARD_ORCHESTRATION_RULES = downstream_rules(
    validation=LibraryCardOrchestrationValidationError,
    dependency_validation=LibraryCardOrchestrationDependencyValidationError,
    dependency=LibraryCardOrchestrationDependencyError,
    service=LibraryCardOrchestrationServiceError,
    failed_service=FailedLibraryCardOrchestrationServiceError,
    own_validation_errors=(InvalidLibraryCardStudentError,),
)

try_catch_each_library_card_orchestration = try_catch_each(
    LIBRARY_CARD_ORCHESTRATION_RULES, on_error=publish_failure_outcome
)
