from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidStudentError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__("Invalid student. Please correct the errors and try again.", errors)


class NotFoundStudentError(LocalizedError):
    def __init__(self, student_id: str) -> None:
        super().__init__(f"Couldn't find student with id: {student_id}.")


class AlreadyExistsStudentError(LocalizedError):
    """A unique field of the student is taken; ``key`` names the field, never its value."""

    def __init__(self, key: str) -> None:
        if key == "email":
            super().__init__("The email is already registered to another student.")
        else:
            super().__init__(f"A student with the same {key} already exists.")


class FailedStudentStorageError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed student storage error occurred, contact support: {detail}")


class FailedStudentServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed student service error occurred, contact support: {detail}")


class StudentValidationError(ValidationCategoryError):
    message = "Student validation error occurred, fix the errors and try again."


class StudentDependencyValidationError(DependencyValidationCategoryError):
    message = "Student dependency validation error occurred, fix the errors and try again."


class StudentDependencyError(DependencyCategoryError):
    message = "Student dependency error occurred, contact support."


class StudentServiceError(ServiceCategoryError):
    message = "Student service error occurred, contact support."
