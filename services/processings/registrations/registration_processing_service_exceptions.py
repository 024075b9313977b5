from __future__ import annotations

from contracts.registrations.exceptions.processings import (
    FailedRegistrationProcessingServiceError,
    NotFoundRegistrationConcernError,
    RegistrationProcessingDependencyError,
    RegistrationProcessingDependencyValidationError,
    RegistrationProcessingServiceError,
    RegistrationProcessingValidationError,
)
from services.try_catch import downstream_rules, try_catch, try_catch_each

REGISTRATION_PROCESSING_RULES = downstream_rules(
    validation=RegistrationProcessingValidationError,
    dependency_validation=RegistrationProcessingDependencyValidationError,
    dependency=RegistrationProcessingDependencyError,
    service=RegistrationProcessingServiceError,
    failed_service=FailedRegistrationProcessingServiceError,
    own_validation_errors=(NotFoundRegistrationConcernError,),
)

try_catch_registration_processing = try_catch(REGISTRATION_PROCESSING_RULES)
try_catch_each_registration_processing = try_catch_each(REGISTRATION_PROCESSING_RULES)
