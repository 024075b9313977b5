from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class ConflictingStudentError(LocalizedError):
    def __init__(self, student_id: str) -> None:
        super().__init__(f"Student with id {student_id} already exists with different details.")


class FailedStudentProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed student processing service error occurred: {detail}")


class StudentProcessingValidationError(ValidationCategoryError):
    message = "Student processing validation error occurred, fix the errors and try again."


class StudentProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "Student processing dependency validation error occurred, fix the errors."


class StudentProcessingDependencyError(DependencyCategoryError):
    message = "Student processing dependency error occurred, contact support."


class StudentProcessingServiceError(ServiceCategoryError):
    message = "Student processing service error occurred, contact support."
