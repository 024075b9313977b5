from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class ConflictingGuardianError(LocalizedError):
    def __init__(self, guardian_id: str) -> None:
        super().__init__(f"Guardian with id {guardian_id} already exists with different details.")


class FailedGuardianProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed guardian processing service error occurred: {detail}")


class GuardianProcessingValidationError(ValidationCategoryError):
    message = "Guardian processing validation error occurred, fix the errors and try again."


class GuardianProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "Guardian processing dependency validation error occurred, fix the errors."


class GuardianProcessingDependencyError(DependencyCategoryError):
    message = "Guardian processing dependency error occurred, contact support."


class GuardianProcessingServiceError(ServiceCategoryError):
    message = "Guardian processing service error occurred, contact support."
