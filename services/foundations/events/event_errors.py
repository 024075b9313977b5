"""Turning what the event plumbing raises into an event service's localized errors."""

from __future__ import annotations

from pydantic import ValidationError


def field_errors(error: Exception) -> dict[str, list[str]]:
    """Every problem pydantic found, keyed by its dotted location (``data.email``, …)."""
    if not isinstance(error, ValidationError):
        return {"body": [str(error)]}
    errors: dict[str, list[str]] = {}
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"]) or "body"
        errors.setdefault(location, []).append(item["msg"])
    return errors
