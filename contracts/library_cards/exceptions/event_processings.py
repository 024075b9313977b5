from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class FailedLibraryCardEventProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed library card event processing service error occurred: {detail}")


class LibraryCardEventProcessingValidationError(ValidationCategoryError):
    message = "Library card event processing validation error occurred, fix the errors."


class LibraryCardEventProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "Library card event processing dependency validation error occurred, fix the errors."


class LibraryCardEventProcessingDependencyError(DependencyCategoryError):
    message = "Library card event processing dependency error occurred, contact support."


class LibraryCardEventProcessingServiceError(ServiceCategoryError):
    message = "Library card event processing service error occurred, contact support."
