"""A concern's failure is reported once its message is going to be dead-lettered."""

from __future__ import annotations

from typing import Any, Protocol

from contracts.errors import CategorizedError
from contracts.redeliveries import is_final


class PublishesFailures(Protocol):
    async def publish_failure(self, event: Any, error: CategorizedError) -> None: ...


async def publish_failure_outcome(
    service: PublishesFailures, error: CategorizedError, args: tuple[object, ...]
) -> None:
    # Dead-lettered at once, the message ends the concern as failed.
    if is_final(error.category) and args:
        await service.publish_failure(args[0], error)
