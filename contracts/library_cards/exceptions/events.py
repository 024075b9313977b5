from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidLibraryCardEventError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__(
            "Invalid library card event. Please correct the errors and try again.", errors
        )


class FailedLibraryCardEventPublishError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"Failed to publish library card event, the broker is unavailable: {detail}"
        )


class FailedLibraryCardEventServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"Failed library card event service error occurred, contact support: {detail}"
        )


class LibraryCardEventValidationError(ValidationCategoryError):
    message = "Library card event validation error occurred, fix the errors and try again."


class LibraryCardEventDependencyValidationError(DependencyValidationCategoryError):
    message = (
        "Library card event dependency validation error occurred, fix the errors and try again."
    )


class LibraryCardEventDependencyError(DependencyCategoryError):
    message = "Library card event dependency error occurred, contact support."


class LibraryCardEventServiceError(ServiceCategoryError):
    message = "Library card event service error occurred, contact support."
