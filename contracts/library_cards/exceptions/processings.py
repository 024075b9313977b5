from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class ConflictingLibraryCardError(LocalizedError):
    def __init__(self, library_card_id: str) -> None:
        super().__init__(
            f"Library card with id {library_card_id} was issued already with different details."
        )


class FailedLibraryCardProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed library card processing service error occurred: {detail}")


class LibraryCardProcessingValidationError(ValidationCategoryError):
    message = "Library card processing validation error occurred, fix the errors and try again."


class LibraryCardProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "Library card processing dependency validation error occurred, fix the errors."


class LibraryCardProcessingDependencyError(DependencyCategoryError):
    message = "Library card processing dependency error occurred, contact support."


class LibraryCardProcessingServiceError(ServiceCategoryError):
    message = "Library card processing service error occurred, contact support."
