from __future__ import annotations

from contracts.contacts.exceptions.event_processings import (
    ContactEventProcessingDependencyError,
    ContactEventProcessingDependencyValidationError,
    ContactEventProcessingServiceError,
    ContactEventProcessingValidationError,
    FailedContactEventProcessingServiceError,
)
from services.try_catch import downstream_rules, try_catch, try_catch_each

CONTACT_EVENT_PROCESSING_RULES = downstream_rules(
    validation=ContactEventProcessingValidationError,
    dependency_validation=ContactEventProcessingDependencyValidationError,
    dependency=ContactEventProcessingDependencyError,
    service=ContactEventProcessingServiceError,
    failed_service=FailedContactEventProcessingServiceError,
)

try_catch_contact_event_processing = try_catch(CONTACT_EVENT_PROCESSING_RULES)
try_catch_each_contact_event_processing = try_catch_each(CONTACT_EVENT_PROCESSING_RULES)
