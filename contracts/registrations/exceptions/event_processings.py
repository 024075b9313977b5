from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class FailedRegistrationEventProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed registration event processing service error occurred: {detail}")


class RegistrationEventProcessingValidationError(ValidationCategoryError):
    message = "Registration event processing validation error occurred, fix the errors."


class RegistrationEventProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "Registration event processing dependency validation error occurred, fix the errors."


class RegistrationEventProcessingDependencyError(DependencyCategoryError):
    message = "Registration event processing dependency error occurred, contact support."


class RegistrationEventProcessingServiceError(ServiceCategoryError):
    message = "Registration event processing service error occurred, contact support."
