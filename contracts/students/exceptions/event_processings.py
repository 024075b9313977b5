from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class FailedStudentEventProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed student event processing service error occurred: {detail}")


class StudentEventProcessingValidationError(ValidationCategoryError):
    message = "Student event processing validation error occurred, fix the errors."


class StudentEventProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "Student event processing dependency validation error occurred, fix the errors."


class StudentEventProcessingDependencyError(DependencyCategoryError):
    message = "Student event processing dependency error occurred, contact support."


class StudentEventProcessingServiceError(ServiceCategoryError):
    message = "Student event processing service error occurred, contact support."
