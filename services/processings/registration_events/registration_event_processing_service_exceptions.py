from __future__ import annotations

from contracts.registrations.exceptions.event_processings import (
    FailedRegistrationEventProcessingServiceError,
    RegistrationEventProcessingDependencyError,
    RegistrationEventProcessingDependencyValidationError,
    RegistrationEventProcessingServiceError,
    RegistrationEventProcessingValidationError,
)
from services.try_catch import downstream_rules, try_catch, try_catch_each

REGISTRATION_EVENT_PROCESSING_RULES = downstream_rules(
    validation=RegistrationEventProcessingValidationError,
    dependency_validation=RegistrationEventProcessingDependencyValidationError,
    dependency=RegistrationEventProcessingDependencyError,
    service=RegistrationEventProcessingServiceError,
    failed_service=FailedRegistrationEventProcessingServiceError,
)

try_catch_registration_event_processing = try_catch(REGISTRATION_EVENT_PROCESSING_RULES)
try_catch_each_registration_event_processing = try_catch_each(REGISTRATION_EVENT_PROCESSING_RULES)
