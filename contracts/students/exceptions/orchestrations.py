from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class FailedStudentOrchestrationServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed student orchestration service error occurred: {detail}")


class StudentOrchestrationValidationError(ValidationCategoryError):
    message = "Student orchestration validation error occurred, fix the errors."


class StudentOrchestrationDependencyValidationError(DependencyValidationCategoryError):
    message = "Student orchestration dependency validation error occurred, fix the errors."


class StudentOrchestrationDependencyError(DependencyCategoryError):
    message = "Student orchestration dependency error occurred, contact support."


class StudentOrchestrationServiceError(ServiceCategoryError):
    message = "Student orchestration service error occurred, contact support."
