from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidContactEventError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__("Invalid contact event. Please correct the errors and try again.", errors)


class FailedContactEventPublishError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed to publish contact event, the broker is unavailable: {detail}")


class FailedContactEventServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed contact event service error occurred, contact support: {detail}")


class ContactEventValidationError(ValidationCategoryError):
    message = "Contact event validation error occurred, fix the errors and try again."


class ContactEventDependencyValidationError(DependencyValidationCategoryError):
    message = "Contact event dependency validation error occurred, fix the errors and try again."


class ContactEventDependencyError(DependencyCategoryError):
    message = "Contact event dependency error occurred, contact support."


class ContactEventServiceError(ServiceCategoryError):
    message = "Contact event service error occurred, contact support."
