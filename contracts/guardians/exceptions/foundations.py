from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidGuardianError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__("Invalid guardian. Please correct the errors and try again.", errors)


class NotFoundGuardianError(LocalizedError):
    def __init__(self, guardian_id: str) -> None:
        super().__init__(f"Couldn't find guardian with id: {guardian_id}.")


class AlreadyExistsGuardianError(LocalizedError):
    """``key`` names the field that clashed, never its value."""

    def __init__(self, key: str) -> None:
        super().__init__(f"A guardian with the same {key} already exists.")


class FailedGuardianStorageError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed guardian storage error occurred, contact support: {detail}")


class FailedGuardianServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed guardian service error occurred, contact support: {detail}")


class GuardianValidationError(ValidationCategoryError):
    message = "Guardian validation error occurred, fix the errors and try again."


class GuardianDependencyValidationError(DependencyValidationCategoryError):
    message = "Guardian dependency validation error occurred, fix the errors and try again."


class GuardianDependencyError(DependencyCategoryError):
    message = "Guardian dependency error occurred, contact support."


class GuardianServiceError(ServiceCategoryError):
    message = "Guardian service error occurred, contact support."
