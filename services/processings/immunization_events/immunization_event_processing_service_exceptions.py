from __future__ import annotations

from contracts.immunizations.exceptions.event_processings import (
    FailedImmunizationEventProcessingServiceError,
    ImmunizationEventProcessingDependencyError,
    ImmunizationEventProcessingDependencyValidationError,
    ImmunizationEventProcessingServiceError,
    ImmunizationEventProcessingValidationError,
)
from services.try_catch import downstream_rules, try_catch, try_catch_each

IMMUNIZATION_EVENT_PROCESSING_RULES = downstream_rules(
    validation=ImmunizationEventProcessingValidationError,
    dependency_validation=ImmunizationEventProcessingDependencyValidationError,
    dependency=ImmunizationEventProcessingDependencyError,
    service=ImmunizationEventProcessingServiceError,
    failed_service=FailedImmunizationEventProcessingServiceError,
)

try_catch_immunization_event_processing = try_catch(IMMUNIZATION_EVENT_PROCESSING_RULES)
try_catch_each_immunization_event_processing = try_catch_each(IMMUNIZATION_EVENT_PROCESSING_RULES)
