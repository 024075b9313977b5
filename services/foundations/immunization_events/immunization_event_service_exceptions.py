from __future__ import annotations

from contracts.immunizations.exceptions.events import (
    FailedImmunizationEventPublishError,
    FailedImmunizationEventServiceError,
    ImmunizationEventDependencyError,
    ImmunizationEventServiceError,
    ImmunizationEventValidationError,
    InvalidImmunizationEventError,
)
from services.foundations.events.event_errors import event_rules
from services.try_catch import try_catch, try_catch_each

IMMUNIZATION_EVENT_RULES = event_rules(
    validation=ImmunizationEventValidationError,
    dependency=ImmunizationEventDependencyError,
    service=ImmunizationEventServiceError,
    invalid_event=InvalidImmunizationEventError,
    failed_publish=FailedImmunizationEventPublishError,
    failed_service=FailedImmunizationEventServiceError,
)

try_catch_immunization_event = try_catch(IMMUNIZATION_EVENT_RULES)
try_catch_each_immunization_event = try_catch_each(IMMUNIZATION_EVENT_RULES)
