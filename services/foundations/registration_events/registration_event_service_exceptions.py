from __future__ import annotations

from pydantic import ValidationError

from brokers.queues import QueueUnavailableError, UnroutableMessageError
from contracts.registrations.exceptions.events import (
    FailedRegistrationEventPublishError,
    FailedRegistrationEventServiceError,
    InvalidRegistrationEventError,
    RegistrationEventDependencyError,
    RegistrationEventServiceError,
    RegistrationEventValidationError,
)
from services.foundations.events.event_errors import field_errors
from services.try_catch import ErrorRule, error_kind, try_catch, try_catch_each

REGISTRATION_EVENT_RULES = [
    ErrorRule(
        ValidationError,
        lambda error: RegistrationEventValidationError(
            InvalidRegistrationEventError(field_errors(error))
        ),
    ),
    # Unroutable means the topology lacks a binding (no concern worker's queue declared yet):
    # retry until it's there rather than lose the event.
    ErrorRule(
        (QueueUnavailableError, UnroutableMessageError),
        lambda error: RegistrationEventDependencyError(
            FailedRegistrationEventPublishError(error_kind(error))
        ),
    ),
    ErrorRule(
        Exception,
        lambda error: RegistrationEventServiceError(
            FailedRegistrationEventServiceError(error_kind(error))
        ),
    ),
]

try_catch_registration_event = try_catch(REGISTRATION_EVENT_RULES)
try_catch_each_registration_event = try_catch_each(REGISTRATION_EVENT_RULES)
