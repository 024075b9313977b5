"""A bulk write's failures, one per document: the driver reports them by index in one error."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pymongo.errors import BulkWriteError, DuplicateKeyError, OperationFailure, WriteConcernError

DUPLICATE_KEY = 11000


def write_error_of(details: Mapping[str, Any]) -> Exception:
    """One document's write error as the error a single write of it would have raised."""
    code = details.get("code")
    message = str(details.get("errmsg", ""))
    if code == DUPLICATE_KEY:
        return DuplicateKeyError(message, code, dict(details))
    return OperationFailure(message, code, dict(details))


def failures_by_index(error: BulkWriteError, count: int) -> dict[int, Exception]:
    """What failed each document of an unordered bulk write of ``count`` documents.

    A write concern error leaves every write not refused on its own unconfirmed, so each of
    those carries it.
    """
    details = error.details
    failures: dict[int, Exception] = {
        int(item["index"]): write_error_of(item) for item in details.get("writeErrors", [])
    }
    concern_errors: Sequence[Mapping[str, Any]] = details.get("writeConcernErrors", [])
    if concern_errors:
        first = concern_errors[0]
        for index in range(count):
            failures.setdefault(
                index,
                WriteConcernError(str(first.get("errmsg", "")), first.get("code"), dict(first)),
            )
    return failures
