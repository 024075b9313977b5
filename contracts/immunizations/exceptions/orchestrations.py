from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidImmunizationStudentError(LocalizedError):
    """The immunization names another student than the one its event carries."""

    def __init__(self, immunization_student_id: str, student_id: str) -> None:
        super().__init__(
            "Invalid immunization event: the immunization belongs to another student.",
            {"student_id": [f"{immunization_student_id} is not the event's student {student_id}."]},
        )


class FailedImmunizationOrchestrationServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed immunization orchestration service error occurred: {detail}")


class ImmunizationOrchestrationValidationError(ValidationCategoryError):
    message = "Immunization orchestration validation error occurred, fix the errors."


class ImmunizationOrchestrationDependencyValidationError(DependencyValidationCategoryError):
    message = "Immunization orchestration dependency validation error occurred, fix the errors."


class ImmunizationOrchestrationDependencyError(DependencyCategoryError):
    message = "Immunization orchestration dependency error occurred, contact support."


class ImmunizationOrchestrationServiceError(ServiceCategoryError):
    message = "Immunization orchestration service error occurred, contact support."
