from __future__ import annotations

from contracts.students.exceptions.event_processings import (
    FailedStudentEventProcessingServiceError,
    StudentEventProcessingDependencyError,
    StudentEventProcessingDependencyValidationError,
    StudentEventProcessingServiceError,
    StudentEventProcessingValidationError,
)
from services.try_catch import downstream_rules, try_catch, try_catch_each

STUDENT_EVENT_PROCESSING_RULES = downstream_rules(
    validation=StudentEventProcessingValidationError,
    dependency_validation=StudentEventProcessingDependencyValidationError,
    dependency=StudentEventProcessingDependencyError,
    service=StudentEventProcessingServiceError,
    failed_service=FailedStudentEventProcessingServiceError,
)

try_catch_student_event_processing = try_catch(STUDENT_EVENT_PROCESSING_RULES)
try_catch_each_student_event_processing = try_catch_each(STUDENT_EVENT_PROCESSING_RULES)
