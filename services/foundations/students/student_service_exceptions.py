from __future__ import annotations

from brokers.storages.errors import STORAGE_UNAVAILABLE_ERRORS, DuplicateKeyError
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
from services.try_catch import ErrorRule, localized, try_catch

try_catch_student = try_catch(
    [
        ErrorRule(
            (InvalidStudentError, NotFoundStudentError),
            lambda error: StudentValidationError(localized(error)),
        ),
        ErrorRule(
            DuplicateKeyError,
            lambda error: StudentDependencyValidationError(AlreadyExistsStudentError(str(error))),
        ),
        ErrorRule(
            STORAGE_UNAVAILABLE_ERRORS,
            lambda error: StudentDependencyError(FailedStudentStorageError(str(error))),
            level="critical",
        ),
        ErrorRule(
            Exception,
            lambda error: StudentServiceError(FailedStudentServiceError(str(error))),
        ),
    ]
)
