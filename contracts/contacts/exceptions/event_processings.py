from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class FailedContactEventProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed contact event processing service error occurred: {detail}")


class ContactEventProcessingValidationError(ValidationCategoryError):
    message = "Contact event processing validation error occurred, fix the errors."


class ContactEventProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "Contact event processing dependency validation error occurred, fix the errors."


class ContactEventProcessingDependencyError(DependencyCategoryError):
    message = "Contact event processing dependency error occurred, contact support."


class ContactEventProcessingServiceError(ServiceCategoryError):
    message = "Contact event processing service error occurred, contact support."
