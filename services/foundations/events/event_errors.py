"""Turning what the event plumbing raises into an event service's localized errors."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from pydantic import ValidationError

from brokers.queues import QueueUnavailableError, UnroutableMessageError
from contracts.errors import CategorizedError, LocalizedError
from services.try_catch import ErrorRule, error_kind


def field_errors(error: Exception) -> dict[str, list[str]]:
    """Every problem pydantic found, keyed by its dotted location (``data.email``, …)."""
    if not isinstance(error, ValidationError):
        return {"body": [error_kind(error)]}
    errors: dict[str, list[str]] = {}
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"]) or "body"
        errors.setdefault(location, []).append(item["msg"])
    return errors


def event_rules(
    *,
    validation: Callable[[LocalizedError], CategorizedError],
    dependency: Callable[[LocalizedError], CategorizedError],
    service: Callable[[LocalizedError], CategorizedError],
    invalid_event: Callable[[Mapping[str, Sequence[str]]], LocalizedError],
    failed_publish: Callable[[str], LocalizedError],
    failed_service: Callable[[str], LocalizedError],
) -> list[ErrorRule]:
    """Rules for an entity's event service: a malformed message, an away broker, a bug."""
    return [
        ErrorRule(ValidationError, lambda error: validation(invalid_event(field_errors(error)))),
        # An unroutable outcome means the topology is missing a binding: retry until it's there.
        ErrorRule(
            (QueueUnavailableError, UnroutableMessageError),
            lambda error: dependency(failed_publish(error_kind(error))),
        ),
        ErrorRule(Exception, lambda error: service(failed_service(error_kind(error)))),
    ]
