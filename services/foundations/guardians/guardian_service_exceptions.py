from __future__ import annotations

from contracts.guardians.exceptions.foundations import (
    AlreadyExistsGuardianError,
    FailedGuardianServiceError,
    FailedGuardianStorageError,
    GuardianDependencyError,
    GuardianDependencyValidationError,
    GuardianServiceError,
    GuardianValidationError,
    InvalidGuardianError,
    NotFoundGuardianError,
)
from services.try_catch import storage_rules, try_catch, try_catch_each

GUARDIAN_RULES = storage_rules(
    validation=GuardianValidationError,
    dependency_validation=GuardianDependencyValidationError,
    dependency=GuardianDependencyError,
    service=GuardianServiceError,
    own_validation_errors=(InvalidGuardianError, NotFoundGuardianError),
    already_exists=AlreadyExistsGuardianError,
    failed_storage=FailedGuardianStorageError,
    failed_service=FailedGuardianServiceError,
)

try_catch_guardian = try_catch(GUARDIAN_RULES)
try_catch_each_guardian = try_catch_each(GUARDIAN_RULES)
