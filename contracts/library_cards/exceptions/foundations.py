from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidLibraryCardError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__("Invalid library card. Please correct the errors and try again.", errors)


class NotFoundLibraryCardError(LocalizedError):
    def __init__(self, library_card_id: str) -> None:
        super().__init__(f"Couldn't find library card with id: {library_card_id}.")


class AlreadyExistsLibraryCardError(LocalizedError):
    """``key`` names the field that clashed, never its value."""

    def __init__(self, key: str) -> None:
        super().__init__(f"A library card with the same {key} already exists.")


class FailedLibraryCardStorageError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed library card storage error occurred, contact support: {detail}")


class FailedLibraryCardServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed library card service error occurred, contact support: {detail}")


class LibraryCardValidationError(ValidationCategoryError):
    message = "Library card validation error occurred, fix the errors and try again."


class LibraryCardDependencyValidationError(DependencyValidationCategoryError):
    message = "Library card dependency validation error occurred, fix the errors and try again."


class LibraryCardDependencyError(DependencyCategoryError):
    message = "Library card dependency error occurred, contact support."


class LibraryCardServiceError(ServiceCategoryError):
    message = "Library card service error occurred, contact support."
