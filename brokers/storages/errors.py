"""The storage errors services map, so that nothing outside the brokers imports the driver.

Both storage brokers raise these very classes: the in-memory one builds them the way the
MongoDB driver does (same class, code and details), so a service maps one set of errors.
"""

from __future__ import annotations

from pymongo.errors import (
    ConnectionFailure,
    DuplicateKeyError,
    ExecutionTimeout,
    NetworkTimeout,
    OperationFailure,
    PyMongoError,
    ServerSelectionTimeoutError,
    WriteConcernError,
)

# Transient: the store is away or slow; a retry may succeed (the "dependency" category).
# ServerSelectionTimeoutError and NetworkTimeout are ConnectionFailures already; they are named
# so that the intent reads here. ExecutionTimeout is an OperationFailure that is transient too.
STORAGE_UNAVAILABLE_ERRORS: tuple[type[PyMongoError], ...] = (
    ConnectionFailure,
    ServerSelectionTimeoutError,
    NetworkTimeout,
    ExecutionTimeout,
)


def duplicate_key_of(error: Exception) -> str:
    """The field whose unique key clashed ("id", "email"): never its value or the index's name.

    The driver's message names the database, the collection, the index and the value; only the
    key pattern in the error's details is read, as both storage brokers report it.
    """
    details = getattr(error, "details", None) or {}
    pattern = details.get("keyPattern") or {}
    return ", ".join("id" if field == "_id" else str(field) for field in pattern) or "key"


def storage_failure_of(error: Exception) -> str:
    """A failure by its kind (and server code) alone: driver messages name hosts and values."""
    code = getattr(error, "code", None)
    kind = type(error).__name__
    return kind if code is None else f"{kind} (code {code})"


class StorageNotInitializedError(RuntimeError):
    """A storage broker was used before ``initialize()`` or after ``close()``: a wiring bug."""

    def __init__(self) -> None:
        super().__init__("the storage broker is not initialized: call initialize() first")


__all__ = [
    "STORAGE_UNAVAILABLE_ERRORS",
    "ConnectionFailure",
    "DuplicateKeyError",
    "ExecutionTimeout",
    "NetworkTimeout",
    "OperationFailure",
    "PyMongoError",
    "ServerSelectionTimeoutError",
    "StorageNotInitializedError",
    "WriteConcernError",
    "duplicate_key_of",
    "storage_failure_of",
]
