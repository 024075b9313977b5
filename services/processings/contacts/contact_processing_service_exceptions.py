from __future__ import annotations

from contracts.contacts.exceptions.processings import (
    ConflictingContactError,
    ContactProcessingDependencyError,
    ContactProcessingDependencyValidationError,
    ContactProcessingServiceError,
    ContactProcessingValidationError,
    FailedContactProcessingServiceError,
)
from services.try_catch import downstream_rules, try_catch, try_catch_each

CONTACT_PROCESSING_RULES = downstream_rules(
    validation=ContactProcessingValidationError,
    dependency_validation=ContactProcessingDependencyValidationError,
    dependency=ContactProcessingDependencyError,
    service=ContactProcessingServiceError,
    failed_service=FailedContactProcessingServiceError,
    own_dependency_validation_errors=(ConflictingContactError,),
)

try_catch_contact_processing = try_catch(CONTACT_PROCESSING_RULES)
try_catch_each_contact_processing = try_catch_each(CONTACT_PROCESSING_RULES)
