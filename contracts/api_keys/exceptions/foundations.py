from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidApiKeyError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__("Invalid API key. Please correct the errors and try again.", errors)


class NotFoundApiKeyError(LocalizedError):
    def __init__(self, api_key_id: str) -> None:
        super().__init__(f"Couldn't find API key with id: {api_key_id}.")


class AlreadyExistsApiKeyError(LocalizedError):
    def __init__(self, key: str) -> None:
        super().__init__(f"An API key with the same {key} already exists.")


class FailedApiKeyStorageError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed API key storage error occurred, contact support: {detail}")


class FailedApiKeyServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed API key service error occurred, contact support: {detail}")


class ApiKeyValidationError(ValidationCategoryError):
    message = "API key validation error occurred, fix the errors and try again."


class ApiKeyDependencyValidationError(DependencyValidationCategoryError):
    message = "API key dependency validation error occurred, fix the errors and try again."


class ApiKeyDependencyError(DependencyCategoryError):
    message = "API key dependency error occurred, contact support."


class ApiKeyServiceError(ServiceCategoryError):
    message = "API key service error occurred, contact support."
