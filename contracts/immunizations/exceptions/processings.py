from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class ConflictingImmunizationError(LocalizedError):
    def __init__(self, immunization_id: str) -> None:
        super().__init__(
            f"Immunization with id {immunization_id} already exists with different details."
        )


class FailedImmunizationProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed immunization processing service error occurred: {detail}")


class ImmunizationProcessingValidationError(ValidationCategoryError):
    message = "Immunization processing validation error occurred, fix the errors and try again."


class ImmunizationProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "Immunization processing dependency validation error occurred, fix the errors."


class ImmunizationProcessingDependencyError(DependencyCategoryError):
    message = "Immunization processing dependency error occurred, contact support."


class ImmunizationProcessingServiceError(ServiceCategoryError):
    message = "Immunization processing service error occurred, contact support."
