from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidContactStudentError(LocalizedError):
    """The contact names another student than the one its event carries."""

    def __init__(self, contact_student_id: str, student_id: str) -> None:
        super().__init__(
            "Invalid contact event: the contact belongs to another student.",
            {"student_id": [f"{contact_student_id} is not the event's student {student_id}."]},
        )


class FailedContactOrchestrationServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed contact orchestration service error occurred: {detail}")


class ContactOrchestrationValidationError(ValidationCategoryError):
    message = "Contact orchestration validation error occurred, fix the errors."


class ContactOrchestrationDependencyValidationError(DependencyValidationCategoryError):
    message = "Contact orchestration dependency validation error occurred, fix the errors."


class ContactOrchestrationDependencyError(DependencyCategoryError):
    message = "Contact orchestration dependency error occurred, contact support."


class ContactOrchestrationServiceError(ServiceCategoryError):
    message = "Contact orchestration service error occurred, contact support."
