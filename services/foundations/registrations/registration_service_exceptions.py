from __future__ import annotations

from brokers.storages.errors import STORAGE_UNAVAILABLE_ERRORS, DuplicateKeyError
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
from services.try_catch import ErrorRule, localized, try_catch

try_catch_registration = try_catch(
    [
        ErrorRule(
            (InvalidRegistrationError, NotFoundRegistrationError),
            lambda error: RegistrationValidationError(localized(error)),
        ),
        ErrorRule(
            DuplicateKeyError,
            lambda error: RegistrationDependencyValidationError(
                AlreadyExistsRegistrationError(str(error))
            ),
        ),
        ErrorRule(
            STORAGE_UNAVAILABLE_ERRORS,
            lambda error: RegistrationDependencyError(FailedRegistrationStorageError(str(error))),
            level="critical",
        ),
        ErrorRule(
            Exception,
            lambda error: RegistrationServiceError(FailedRegistrationServiceError(str(error))),
        ),
    ]
)
