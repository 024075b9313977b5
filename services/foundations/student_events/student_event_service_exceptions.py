from __future__ import annotations

from pydantic import ValidationError

from brokers.queues import QueueUnavailableError, UnroutableMessageError
from contracts.students.exceptions.events import (
    FailedStudentEventPublishError,
    FailedStudentEventServiceError,
    InvalidStudentEventError,
    StudentEventDependencyError,
    StudentEventServiceError,
    StudentEventValidationError,
)
from services.foundations.events.event_errors import field_errors
from services.try_catch import ErrorRule, error_kind, try_catch, try_catch_each

STUDENT_EVENT_RULES = [
    ErrorRule(
        ValidationError,
        lambda error: StudentEventValidationError(InvalidStudentEventError(field_errors(error))),
    ),
    # An unroutable outcome means the topology is missing a binding: retry until it's there.
    ErrorRule(
        (QueueUnavailableError, UnroutableMessageError),
        lambda error: StudentEventDependencyError(
            FailedStudentEventPublishError(error_kind(error))
        ),
    ),
    ErrorRule(
        Exception,
        lambda error: StudentEventServiceError(FailedStudentEventServiceError(error_kind(error))),
    ),
]

try_catch_student_event = try_catch(STUDENT_EVENT_RULES)
try_catch_each_student_event = try_catch_each(STUDENT_EVENT_RULES)
