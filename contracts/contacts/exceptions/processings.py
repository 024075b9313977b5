from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class ConflictingContactError(LocalizedError):
    def __init__(self, student_id: str) -> None:
        super().__init__(
            f"The contact of student {student_id} already exists with different details."
        )


class FailedContactProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed contact processing service error occurred: {detail}")


class ContactProcessingValidationError(ValidationCategoryError):
    message = "Contact processing validation error occurred, fix the errors and try again."


class ContactProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "Contact processing dependency validation error occurred, fix the errors."


class ContactProcessingDependencyError(DependencyCategoryError):
    message = "Contact processing dependency error occurred, contact support."


class ContactProcessingServiceError(ServiceCategoryError):
    message = "Contact processing service error occurred, contact support."
