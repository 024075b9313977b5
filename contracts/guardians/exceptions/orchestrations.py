from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidGuardianStudentError(LocalizedError):
    """The guardian names another student than the one its event carries."""

    def __init__(self, guardian_student_id: str, student_id: str) -> None:
        super().__init__(
            "Invalid guardian event: the guardian belongs to another student.",
            {"student_id": [f"{guardian_student_id} is not the event's student {student_id}."]},
        )


class FailedGuardianOrchestrationServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed guardian orchestration service error occurred: {detail}")


class GuardianOrchestrationValidationError(ValidationCategoryError):
    message = "Guardian orchestration validation error occurred, fix the errors."


class GuardianOrchestrationDependencyValidationError(DependencyValidationCategoryError):
    message = "Guardian orchestration dependency validation error occurred, fix the errors."


class GuardianOrchestrationDependencyError(DependencyCategoryError):
    message = "Guardian orchestration dependency error occurred, contact support."


class GuardianOrchestrationServiceError(ServiceCategoryError):
    message = "Guardian orchestration service error occurred, contact support."
