from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class FailedImmunizationEventProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed immunization event processing service error occurred: {detail}")


class ImmunizationEventProcessingValidationError(ValidationCategoryError):
    message = "Immunization event processing validation error occurred, fix the errors."


class ImmunizationEventProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "Immunization event processing dependency validation error occurred, fix the errors."


class ImmunizationEventProcessingDependencyError(DependencyCategoryError):
    message = "Immunization event processing dependency error occurred, contact support."


class ImmunizationEventProcessingServiceError(ServiceCategoryError):
    message = "Immunization event processing service error occurred, contact support."
