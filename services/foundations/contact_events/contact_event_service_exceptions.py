from __future__ import annotations

from contracts.contacts.exceptions.events import (
    ContactEventDependencyError,
    ContactEventServiceError,
    ContactEventValidationError,
    FailedContactEventPublishError,
    FailedContactEventServiceError,
    InvalidContactEventError,
)
from services.foundations.events.event_errors import event_rules
from services.try_catch import try_catch, try_catch_each

CONTACT_EVENT_RULES = event_rules(
    validation=ContactEventValidationError,
    dependency=ContactEventDependencyError,
    service=ContactEventServiceError,
    invalid_event=InvalidContactEventError,
    failed_publish=FailedContactEventPublishError,
    failed_service=FailedContactEventServiceError,
)

try_catch_contact_event = try_catch(CONTACT_EVENT_RULES)
try_catch_each_contact_event = try_catch_each(CONTACT_EVENT_RULES)
