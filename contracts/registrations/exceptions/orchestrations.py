from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)

# The worker's orchestration: fan-out of a request, and the ledger fed by concern outcomes.


class InvalidConcernOutcomeError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__(
            "Invalid concern outcome. Please correct the errors and try again.", errors
        )


class FailedRegistrationOrchestrationServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed registration orchestration service error occurred: {detail}")


class RegistrationOrchestrationValidationError(ValidationCategoryError):
    message = "Registration orchestration validation error occurred, fix the errors."


class RegistrationOrchestrationDependencyValidationError(DependencyValidationCategoryError):
    message = "Registration orchestration dependency validation error occurred, fix the errors."


class RegistrationOrchestrationDependencyError(DependencyCategoryError):
    message = "Registration orchestration dependency error occurred, contact support."


class RegistrationOrchestrationServiceError(ServiceCategoryError):
    message = "Registration orchestration service error occurred, contact support."


# The ingress's orchestration: accepting a registration and reading its status.


class InvalidRegistrationAcceptanceError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__(
            "Invalid registration acceptance. Please correct the errors and try again.", errors
        )


class FailedRegistrationAcceptanceOrchestrationServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"Failed registration acceptance orchestration service error occurred: {detail}"
        )


class RegistrationAcceptanceOrchestrationValidationError(ValidationCategoryError):
    message = "Registration acceptance orchestration validation error occurred, fix the errors."


class RegistrationAcceptanceOrchestrationDependencyValidationError(
    DependencyValidationCategoryError
):
    message = (
        "Registration acceptance orchestration dependency validation error occurred, "
        "fix the errors."
    )


class RegistrationAcceptanceOrchestrationDependencyError(DependencyCategoryError):
    message = "Registration acceptance orchestration dependency error occurred, contact support."


class RegistrationAcceptanceOrchestrationServiceError(ServiceCategoryError):
    message = "Registration acceptance orchestration service error occurred, contact support."


class MismatchedIdempotencyKeyError(LocalizedError):
    def __init__(self) -> None:
        super().__init__(
            "The Idempotency-Key was used before with another request body.",
            {"Idempotency-Key": ["Key is already used for another request."]},
        )


class InFlightIdempotencyKeyError(LocalizedError):
    def __init__(self) -> None:
        super().__init__(
            "A request with this Idempotency-Key is still being processed; try again shortly."
        )


class NotFoundClientRegistrationError(LocalizedError):
    """Worded as an unknown id: another client's registration is not said to exist."""

    def __init__(self, registration_id: str) -> None:
        super().__init__(f"Couldn't find registration with id: {registration_id}.")
