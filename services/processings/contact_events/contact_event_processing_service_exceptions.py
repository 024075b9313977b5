from __future__ import annotations

from contracts.contacts.exceptions.event_processings import (
    ContactEventProcessingDependencyError,
    ContactEventProcessingDependencyValidationError,
    ContactEventProcessingServiceError,
    ContactEventProcessingValidationError,
    FailedContactEventProcessingServiceError,
)
from services.try_catch import downstream_rules, try_catch

try_catch_contact_event_processing = try_catch(
    downstream_rules(
        validation=ContactEventProcessingValidationError,
        dependency_validation=ContactEventProcessingDependencyValidationError,
        dependency=ContactEventProcessingDependencyError,
        service=ContactEventProcessingServiceError,
        failed_service=FailedContactEventProcessingServiceError,
    )
)
