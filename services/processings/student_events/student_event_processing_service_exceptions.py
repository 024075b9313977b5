from __future__ import annotations

from contracts.students.exceptions.event_processings import (
    FailedStudentEventProcessingServiceError,
    StudentEventProcessingDependencyError,
    StudentEventProcessingDependencyValidationError,
    StudentEventProcessingServiceError,
    StudentEventProcessingValidationError,
)
from services.try_catch import downstream_rules, try_catch

try_catch_student_event_processing = try_catch(
    downstream_rules(
        validation=StudentEventProcessingValidationError,
        dependency_validation=StudentEventProcessingDependencyValidationError,
        dependency=StudentEventProcessingDependencyError,
        service=StudentEventProcessingServiceError,
        failed_service=FailedStudentEventProcessingServiceError,
    )
)
