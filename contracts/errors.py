"""Shared bases of The Standard's error categories, so an exposer can map by category.

Every service raises exactly one of four categories, each wrapping a localized error that says
what went wrong (``InvalidStudentError``, ``AlreadyExistsStudentError``, …). Outer errors keep the
inner one as ``inner_error`` and are raised ``from`` it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum


class ErrorCategory(StrEnum):
    VALIDATION = "validation"
    DEPENDENCY_VALIDATION = "dependency_validation"
    DEPENDENCY = "dependency"
    SERVICE = "service"


class LocalizedError(Exception):
    """What exactly went wrong; carries field errors when there are any."""

    def __init__(self, message: str, errors: Mapping[str, Sequence[str]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors: dict[str, list[str]] = {
            key: list(value) for key, value in (errors or {}).items()
        }

    def __str__(self) -> str:
        if not self.errors:
            return self.message
        details = "; ".join(f"{key}: {', '.join(value)}" for key, value in self.errors.items())
        return f"{self.message} ({details})"

    def __eq__(self, other: object) -> bool:
        return (
            type(self) is type(other)
            and isinstance(other, LocalizedError)
            and (self.message, self.errors) == (other.message, other.errors)
        )

    def __hash__(self) -> int:
        return hash((type(self), self.message))


class CategorizedError(Exception):
    """A service's outer error: its category, and the localized error inside."""

    category: ErrorCategory
    message: str = "error"

    def __init__(self, inner_error: LocalizedError) -> None:
        super().__init__(self.message)
        self.inner_error = inner_error
        # The category of the failure this error started from, however many layers below:
        # a bug below is a dependency error of the layers above it, and still a bug.
        self.root_category: ErrorCategory = self.category

    def caused_by(self, error: Exception) -> None:
        """Carry the root category of the downstream error this one wraps."""
        if isinstance(error, CategorizedError):
            self.root_category = error.root_category

    def __str__(self) -> str:
        return f"{self.message}: {self.inner_error}"

    def __eq__(self, other: object) -> bool:
        return (
            type(self) is type(other)
            and isinstance(other, CategorizedError)
            and self.inner_error == other.inner_error
        )

    def __hash__(self) -> int:
        return hash((type(self), self.inner_error))


class ValidationCategoryError(CategorizedError):
    category = ErrorCategory.VALIDATION


class DependencyValidationCategoryError(CategorizedError):
    category = ErrorCategory.DEPENDENCY_VALIDATION


class DependencyCategoryError(CategorizedError):
    category = ErrorCategory.DEPENDENCY


class ServiceCategoryError(CategorizedError):
    category = ErrorCategory.SERVICE
