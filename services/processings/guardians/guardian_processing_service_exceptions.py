from __future__ import annotations

from contracts.guardians.exceptions.processings import (
    ConflictingGuardianError,
    FailedGuardianProcessingServiceError,
    GuardianProcessingDependencyError,
    GuardianProcessingDependencyValidationError,
    GuardianProcessingServiceError,
    GuardianProcessingValidationError,
)
from services.try_catch import downstream_rules, try_catch, try_catch_each

GUARDIAN_PROCESSING_RULES = downstream_rules(
    validation=GuardianProcessingValidationError,
    dependency_validation=GuardianProcessingDependencyValidationError,
    dependency=GuardianProcessingDependencyError,
    service=GuardianProcessingServiceError,
    failed_service=FailedGuardianProcessingServiceError,
    own_dependency_validation_errors=(ConflictingGuardianError,),
)

try_catch_guardian_processing = try_catch(GUARDIAN_PROCESSING_RULES)
try_catch_each_guardian_processing = try_catch_each(GUARDIAN_PROCESSING_RULES)
