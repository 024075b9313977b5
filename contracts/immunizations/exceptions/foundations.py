from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidImmunizationError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__("Invalid immunization. Please correct the errors and try again.", errors)


class NotFoundImmunizationError(LocalizedError):
    def __init__(self, immunization_id: str) -> None:
        super().__init__(f"Couldn't find immunization with id: {immunization_id}.")


class AlreadyExistsImmunizationError(LocalizedError):
    """``key`` names the field that clashed, never its value."""

    def __init__(self, key: str) -> None:
        super().__init__(f"An immunization with the same {key} already exists.")


class FailedImmunizationStorageError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed immunization storage error occurred, contact support: {detail}")


class FailedImmunizationServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed immunization service error occurred, contact support: {detail}")


class ImmunizationValidationError(ValidationCategoryError):
    message = "Immunization validation error occurred, fix the errors and try again."


class ImmunizationDependencyValidationError(DependencyValidationCategoryError):
    message = "Immunization dependency validation error occurred, fix the errors and try again."


class ImmunizationDependencyError(DependencyCategoryError):
    message = "Immunization dependency error occurred, contact support."


class ImmunizationServiceError(ServiceCategoryError):
    message = "Immunization service error occurred, contact support."
