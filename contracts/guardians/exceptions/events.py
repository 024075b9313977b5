from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidGuardianEventError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__("Invalid guardian event. Please correct the errors and try again.", errors)


class FailedGuardianEventPublishError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed to publish guardian event, the broker is unavailable: {detail}")


class FailedGuardianEventServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed guardian event service error occurred, contact support: {detail}")


class GuardianEventValidationError(ValidationCategoryError):
    message = "Guardian event validation error occurred, fix the errors and try again."


class GuardianEventDependencyValidationError(DependencyValidationCategoryError):
    message = "Guardian event dependency validation error occurred, fix the errors and try again."


class GuardianEventDependencyError(DependencyCategoryError):
    message = "Guardian event dependency error occurred, contact support."


class GuardianEventServiceError(ServiceCategoryError):
    message = "Guardian event service error occurred, contact support."
