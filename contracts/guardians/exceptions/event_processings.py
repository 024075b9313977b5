from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class FailedGuardianEventProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed guardian event processing service error occurred: {detail}")


class GuardianEventProcessingValidationError(ValidationCategoryError):
    message = "Guardian event processing validation error occurred, fix the errors."


class GuardianEventProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "Guardian event processing dependency validation error occurred, fix the errors."


class GuardianEventProcessingDependencyError(DependencyCategoryError):
    message = "Guardian event processing dependency error occurred, contact support."


class GuardianEventProcessingServiceError(ServiceCategoryError):
    message = "Guardian event processing service error occurred, contact support."
