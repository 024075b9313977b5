from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidApiKeyNameError(LocalizedError):
    def __init__(self) -> None:
        super().__init__(
            "Invalid API key name. Use 1 to 64 letters, digits, '.', '_' or '-'.",
            {"name": ["Name is not valid."]},
        )


class NotFoundApiKeyNameError(LocalizedError):
    def __init__(self, name: str) -> None:
        super().__init__(f"Couldn't find an active API key named {name}.")


class UnauthenticatedApiKeyError(LocalizedError):
    """The token is malformed, unknown, revoked or wrong: which one is never told."""

    def __init__(self) -> None:
        super().__init__("The credentials are missing, invalid or revoked.")


class FailedApiKeyProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed API key processing service error occurred: {detail}")


class ApiKeyProcessingValidationError(ValidationCategoryError):
    message = "API key processing validation error occurred, fix the errors and try again."


class ApiKeyProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "API key processing dependency validation error occurred, fix the errors."


class ApiKeyProcessingDependencyError(DependencyCategoryError):
    message = "API key processing dependency error occurred, contact support."


class ApiKeyProcessingServiceError(ServiceCategoryError):
    message = "API key processing service error occurred, contact support."
