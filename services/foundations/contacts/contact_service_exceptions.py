from __future__ import annotations

from contracts.contacts.exceptions.foundations import (
    AlreadyExistsContactError,
    ContactDependencyError,
    ContactDependencyValidationError,
    ContactServiceError,
    ContactValidationError,
    FailedContactServiceError,
    FailedContactStorageError,
    InvalidContactError,
    NotFoundContactError,
)
from services.try_catch import storage_rules, try_catch, try_catch_each

CONTACT_RULES = storage_rules(
    validation=ContactValidationError,
    dependency_validation=ContactDependencyValidationError,
    dependency=ContactDependencyError,
    service=ContactServiceError,
    own_validation_errors=(InvalidContactError, NotFoundContactError),
    already_exists=AlreadyExistsContactError,
    failed_storage=FailedContactStorageError,
    failed_service=FailedContactServiceError,
)

try_catch_contact = try_catch(CONTACT_RULES)
try_catch_each_contact = try_catch_each(CONTACT_RULES)
