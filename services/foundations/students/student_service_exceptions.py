from __future__ import annotations

from contracts.students.exceptions.foundations import (
    AlreadyExistsStudentError,
    FailedStudentServiceError,
    FailedStudentStorageError,
    InvalidStudentError,
    NotFoundStudentError,
    StudentDependencyError,
    StudentDependencyValidationError,
    StudentServiceError,
    StudentValidationError,
)
from services.try_catch import storage_rules, try_catch, try_catch_each

STUDENT_RULES = storage_rules(
    validation=StudentValidationError,
    dependency_validation=StudentDependencyValidationError,
    dependency=StudentDependencyError,
    service=StudentServiceError,
    own_validation_errors=(InvalidStudentError, NotFoundStudentError),
    already_exists=AlreadyExistsStudentError,
    failed_storage=FailedStudentStorageError,
    failed_service=FailedStudentServiceError,
)

try_catch_student = try_catch(STUDENT_RULES)
try_catch_each_student = try_catch_each(STUDENT_RULES)
