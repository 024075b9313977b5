from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidContactError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__("Invalid contact. Please correct the errors and try again.", errors)


class NotFoundContactError(LocalizedError):
    def __init__(self, student_id: str) -> None:
        super().__init__(f"Couldn't find the contact of student with id: {student_id}.")


class AlreadyExistsContactError(LocalizedError):
    """``key`` names the field that clashed, never its value."""

    def __init__(self, key: str) -> None:
        super().__init__(f"The student's contact already exists (same {key}).")


class FailedContactStorageError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed contact storage error occurred, contact support: {detail}")


class FailedContactServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed contact service error occurred, contact support: {detail}")


class ContactValidationError(ValidationCategoryError):
    message = "Contact validation error occurred, fix the errors and try again."


class ContactDependencyValidationError(DependencyValidationCategoryError):
    message = "Contact dependency validation error occurred, fix the errors and try again."


class ContactDependencyError(DependencyCategoryError):
    message = "Contact dependency error occurred, contact support."


class ContactServiceError(ServiceCategoryError):
    message = "Contact service error occurred, contact support."
