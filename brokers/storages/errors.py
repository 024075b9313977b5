"""The storage errors services map, so that nothing outside the brokers imports the driver.

Both storage brokers raise these very classes: the in-memory one builds them the way the
MongoDB driver does (same class, code and details), so a service maps one set of errors.
"""

from __future__ import annotations

import re

from pymongo.errors import (
    BulkWriteError,
    ConnectionFailure,
    DuplicateKeyError,
    ExecutionTimeout,
    NetworkTimeout,
    OperationFailure,
    PyMongoError,
    ServerSelectionTimeoutError,
    WriteConcernError,
)

# The driver appends its whole topology description (hundreds of characters) to a server
# selection error; what comes before it ("host:port: [Errno 111] Connection refused") says it.
DRIVER_DETAILS = re.compile(r"(, Timeout: |\(configured timeouts|Topology Description: )")
SHORT_MESSAGE_LENGTH = 200


def short_message(error: BaseException) -> str:
    """The driver's own words about ``error``, without the topology description it appends."""
    text = DRIVER_DETAILS.split(str(error), maxsplit=1)[0].strip().rstrip(",")
    return text[:SHORT_MESSAGE_LENGTH] or type(error).__name__


class StorageUnavailableError(ConnectionFailure):
    """MongoDB did not answer (at start, while the indexes are declared); transient."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(f"MongoDB is unavailable: {short_message(error)}")


# Transient: the store is away or slow; a retry may succeed (the "dependency" category).
# ServerSelectionTimeoutError and NetworkTimeout are ConnectionFailures already; they are named
# so that the intent reads here. ExecutionTimeout is an OperationFailure that is transient too.
STORAGE_UNAVAILABLE_ERRORS: tuple[type[PyMongoError], ...] = (
    StorageUnavailableError,
    ConnectionFailure,
    ServerSelectionTimeoutError,
    NetworkTimeout,
    ExecutionTimeout,
)


# Server codes of a replica set changing its primary under an operation: the primary stepped
# down or shuts down, or the write concern (``w=majority``) could not be met in time. PyMongo
# retries a write once by itself (``retryWrites``); what still fails is transient.
FAILOVER_CODES = frozenset(
    {
        64,  # WriteConcernFailed (wtimeout)
        91,  # ShutdownInProgress
        189,  # PrimarySteppedDown
        10107,  # NotWritablePrimary
        11600,  # InterruptedAtShutdown
        11602,  # InterruptedDueToReplStateChange
        13435,  # NotPrimaryNoSecondaryOk
        13436,  # NotPrimaryOrSecondary
    }
)
FAILOVER_LABELS = ("RetryableWriteError", "TransientTransactionError")


def is_failover_error(error: Exception) -> bool:
    """Whether a server's refusal comes from a failover (retry it), not from the request.

    ``NotPrimaryError`` is a ``ConnectionFailure`` already; a step-down can also come back as
    a plain server error, a write concern error, or inside a bulk write's reply.
    """
    if not isinstance(error, PyMongoError):
        return False
    if any(error.has_error_label(label) for label in FAILOVER_LABELS):
        return True
    codes = {getattr(error, "code", None)}
    if isinstance(error, BulkWriteError):
        details = error.details or {}
        codes |= {item.get("code") for item in details.get("writeConcernErrors", [])}
        codes |= {item.get("code") for item in details.get("writeErrors", [])}
    return bool(codes & FAILOVER_CODES)


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
    "StorageUnavailableError",
    "WriteConcernError",
    "duplicate_key_of",
    "is_failover_error",
    "short_message",
    "storage_failure_of",
]
