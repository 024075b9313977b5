"""A concern's failure is reported once its message is going to be dead-lettered."""

from __future__ import annotations

from typing import Any, Protocol

from contracts.errors import CategorizedError, ErrorCategory

# The categories a delivery policy dead-letters at once: these end the concern as failed.
FINAL_CATEGORIES = frozenset({ErrorCategory.VALIDATION, ErrorCategory.DEPENDENCY_VALIDATION})


class PublishesFailures(Protocol):
    async def publish_failure(self, event: Any, error: CategorizedError) -> None: ...


async def publish_failure_outcome(
    service: PublishesFailures, error: CategorizedError, args: tuple[object, ...]
) -> None:
    if error.category in FINAL_CATEGORIES and args:
        await service.publish_failure(args[0], error)
