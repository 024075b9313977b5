from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidRegistrationError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__("Invalid registration. Please correct the errors and try again.", errors)


class NotFoundRegistrationError(LocalizedError):
    def __init__(self, registration_id: str) -> None:
        super().__init__(f"Couldn't find registration with id: {registration_id}.")


class AlreadyExistsRegistrationError(LocalizedError):
    """``key`` names the field that clashed, never its value."""

    def __init__(self, key: str) -> None:
        super().__init__(f"A registration with the same {key} already exists.")


class FailedRegistrationStorageError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed registration storage error occurred, contact support: {detail}")


class FailedRegistrationServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed registration service error occurred, contact support: {detail}")


class RegistrationValidationError(ValidationCategoryError):
    message = "Registration validation error occurred, fix the errors and try again."


class RegistrationDependencyValidationError(DependencyValidationCategoryError):
    message = "Registration dependency validation error occurred, fix the errors and try again."


class RegistrationDependencyError(DependencyCategoryError):
    message = "Registration dependency error occurred, contact support."


class RegistrationServiceError(ServiceCategoryError):
    message = "Registration service error occurred, contact support."
