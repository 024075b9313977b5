from __future__ import annotations

from contracts.guardians.exceptions.events import (
    FailedGuardianEventPublishError,
    FailedGuardianEventServiceError,
    GuardianEventDependencyError,
    GuardianEventServiceError,
    GuardianEventValidationError,
    InvalidGuardianEventError,
)
from services.foundations.events.event_errors import event_rules
from services.try_catch import try_catch, try_catch_each

GUARDIAN_EVENT_RULES = event_rules(
    validation=GuardianEventValidationError,
    dependency=GuardianEventDependencyError,
    service=GuardianEventServiceError,
    invalid_event=InvalidGuardianEventError,
    failed_publish=FailedGuardianEventPublishError,
    failed_service=FailedGuardianEventServiceError,
)

try_catch_guardian_event = try_catch(GUARDIAN_EVENT_RULES)
try_catch_each_guardian_event = try_catch_each(GUARDIAN_EVENT_RULES)
