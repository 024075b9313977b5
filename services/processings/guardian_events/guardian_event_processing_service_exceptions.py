from __future__ import annotations

from contracts.guardians.exceptions.event_processings import (
    FailedGuardianEventProcessingServiceError,
    GuardianEventProcessingDependencyError,
    GuardianEventProcessingDependencyValidationError,
    GuardianEventProcessingServiceError,
    GuardianEventProcessingValidationError,
)
from services.try_catch import downstream_rules, try_catch, try_catch_each

GUARDIAN_EVENT_PROCESSING_RULES = downstream_rules(
    validation=GuardianEventProcessingValidationError,
    dependency_validation=GuardianEventProcessingDependencyValidationError,
    dependency=GuardianEventProcessingDependencyError,
    service=GuardianEventProcessingServiceError,
    failed_service=FailedGuardianEventProcessingServiceError,
)

try_catch_guardian_event_processing = try_catch(GUARDIAN_EVENT_PROCESSING_RULES)
try_catch_each_guardian_event_processing = try_catch_each(GUARDIAN_EVENT_PROCESSING_RULES)
