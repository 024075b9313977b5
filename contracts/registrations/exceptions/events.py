from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidRegistrationEventError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__(
            "Invalid registration event. Please correct the errors and try again.", errors
        )


class FailedRegistrationEventPublishError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"Failed to publish registration event, the broker is unavailable: {detail}"
        )


class FailedRegistrationEventServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"Failed registration event service error occurred, contact support: {detail}"
        )


class RegistrationEventValidationError(ValidationCategoryError):
    message = "Registration event validation error occurred, fix the errors and try again."


class RegistrationEventDependencyValidationError(DependencyValidationCategoryError):
    message = "Registration event dependency validation error occurred, fix the errors."


class RegistrationEventDependencyError(DependencyCategoryError):
    message = "Registration event dependency error occurred, contact support."


class RegistrationEventServiceError(ServiceCategoryError):
    message = "Registration event service error occurred, contact support."
