from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class NotFoundRegistrationConcernError(LocalizedError):
    def __init__(self, registration_id: str, concern_key: str) -> None:
        super().__init__(
            f"Registration {registration_id} does not expect the concern {concern_key!r}."
        )


class FailedRegistrationProcessingServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed registration processing service error occurred: {detail}")


class RegistrationProcessingValidationError(ValidationCategoryError):
    message = "Registration processing validation error occurred, fix the errors and try again."


class RegistrationProcessingDependencyValidationError(DependencyValidationCategoryError):
    message = "Registration processing dependency validation error occurred, fix the errors."


class RegistrationProcessingDependencyError(DependencyCategoryError):
    message = "Registration processing dependency error occurred, contact support."


class RegistrationProcessingServiceError(ServiceCategoryError):
    message = "Registration processing service error occurred, contact support."
