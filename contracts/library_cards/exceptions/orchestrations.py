from __future__ import annotations

from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)


class InvalidLibraryCardStudentError(LocalizedError):
    """The card request names another student than the one its event carries."""

    def __init__(self, library_card_student_id: str, student_id: str) -> None:
        super().__init__(
            "Invalid library card event: the card is requested for another student.",
            {"student_id": [f"{library_card_student_id} is not the event's student {student_id}."]},
        )


class FailedLibraryCardOrchestrationServiceError(LocalizedError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"Failed library card orchestration service error occurred: {detail}")


class LibraryCardOrchestrationValidationError(ValidationCategoryError):
    message = "Library card orchestration validation error occurred, fix the errors."


class LibraryCardOrchestrationDependencyValidationError(DependencyValidationCategoryError):
    message = "Library card orchestration dependency validation error occurred, fix the errors."


class LibraryCardOrchestrationDependencyError(DependencyCategoryError):
    message = "Library card orchestration dependency error occurred, contact support."


class LibraryCardOrchestrationServiceError(ServiceCategoryError):
    message = "Library card orchestration service error occurred, contact support."
