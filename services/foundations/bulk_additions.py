"""A foundation's batch add, written once: validate each, one write of the valid, map back."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from brokers.storages import Document
from services.try_catch import attempt_each, in_places, passed

T = TypeVar("T")

# A storage broker's batch insert: each document's stored copy or its own error, in place.
BulkWrite = Callable[[Sequence[Document]], Awaitable[Sequence[Document | Exception]]]


async def add_each(
    items: Sequence[T],
    *,
    validate: Callable[[T], None],
    to_document: Callable[[T], Document],
    write: BulkWrite,
    from_document: Callable[[Document], T],
) -> list[T | Exception]:
    """Each item as stored, or its own error in its place.

    An item that fails ``validate`` is never written and keeps its validation error; the
    others go to the store in one ``write``, which answers each document with its stored copy
    or the error that refused it alone.
    """

    def validated(item: T) -> T:
        validate(item)
        return item

    checked = attempt_each(validated, items)
    documents = [to_document(item) for item in passed(checked)]
    stored = await write(documents) if documents else []
    return in_places(
        checked,
        [result if isinstance(result, Exception) else from_document(result) for result in stored],
    )
