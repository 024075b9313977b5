from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidStudentEventError(LocalizedError):
    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        super().__init__("Invalid student event. Please correct the errors and try again.", errors)


class FailedStudentEventPublishError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed to publish student event, the broker is unavailable: {detail}")


class FailedStudentEventServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed student event service error occurred, contact support: {detail}")


class StudentEventValidationError(ValidationCategoryError):
    message = "Student event validation error occurred, fix the errors and try again."


class StudentEventDependencyValidationError(DependencyValidationCategoryError):
    message = "Student event dependency validation error occurred, fix the errors and try again."


class StudentEventDependencyError(DependencyCategoryError):
    message = "Student event dependency error occurred, contact support."


class StudentEventServiceError(ServiceCategoryError):
    message = "Student event service error occurred, contact support."
