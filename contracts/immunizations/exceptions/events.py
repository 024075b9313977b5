from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidImmunizationEventError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__(
            "Invalid immunization event. Please correct the errors and try again.", errors
        )


class FailedImmunizationEventPublishError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"Failed to publish immunization event, the broker is unavailable: {detail}"
        )


class FailedImmunizationEventServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"Failed immunization event service error occurred, contact support: {detail}"
        )


class ImmunizationEventValidationError(ValidationCategoryError):
    message = "Immunization event validation error occurred, fix the errors and try again."


class ImmunizationEventDependencyValidationError(DependencyValidationCategoryError):
    message = (
        "Immunization event dependency validation error occurred, fix the errors and try again."
    )


class ImmunizationEventDependencyError(DependencyCategoryError):
    message = "Immunization event dependency error occurred, contact support."


class ImmunizationEventServiceError(ServiceCategoryError):
    message = "Immunization event service error occurred, contact support."
