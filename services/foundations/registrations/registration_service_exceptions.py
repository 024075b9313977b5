from __future__ import annotations

from contracts.registrations.exceptions.foundations import (
    AlreadyExistsRegistrationError,
    FailedRegistrationServiceError,
    FailedRegistrationStorageError,
    InvalidRegistrationError,
    NotFoundRegistrationError,
    RegistrationDependencyError,
    RegistrationDependencyValidationError,
    RegistrationServiceError,
    RegistrationValidationError,
)
from services.try_catch import storage_rules, try_catch, try_catch_each

REGISTRATION_RULES = storage_rules(
    validation=RegistrationValidationError,
    dependency_validation=RegistrationDependencyValidationError,
    dependency=RegistrationDependencyError,
    service=RegistrationServiceError,
    own_validation_errors=(InvalidRegistrationError, NotFoundRegistrationError),
    already_exists=AlreadyExistsRegistrationError,
    failed_storage=FailedRegistrationStorageError,
    failed_service=FailedRegistrationServiceError,
)

try_catch_registration = try_catch(REGISTRATION_RULES)
try_catch_each_registration = try_catch_each(REGISTRATION_RULES)
