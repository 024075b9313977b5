from __future__ import annotations

from contracts.students.exceptions.processings import (
    ConflictingStudentError,
    FailedStudentProcessingServiceError,
    StudentProcessingDependencyError,
    StudentProcessingDependencyValidationError,
    StudentProcessingServiceError,
    StudentProcessingValidationError,
)
from services.try_catch import downstream_rules, try_catch_each

STUDENT_PROCESSING_RULES = downstream_rules(
    validation=StudentProcessingValidationError,
    dependency_validation=StudentProcessingDependencyValidationError,
    dependency=StudentProcessingDependencyError,
    service=StudentProcessingServiceError,
    failed_service=FailedStudentProcessingServiceError,
    own_dependency_validation_errors=(ConflictingStudentError,),
)

try_catch_each_student_processing = try_catch_each(STUDENT_PROCESSING_RULES)
