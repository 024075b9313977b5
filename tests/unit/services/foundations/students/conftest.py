from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from unittest.mock import Mock, create_autospec

import pytest
from pymongo.errors import BulkWriteError, NotPrimaryError

from brokers.datetimes import DateTimeBroker
from brokers.loggings import LoggingBroker
from brokers.storages import StorageBroker
from brokers.storages.errors import (
    ConnectionFailure,
    DuplicateKeyError,
    ExecutionTimeout,
    NetworkTimeout,
    OperationFailure,
    ServerSelectionTimeoutError,
    StorageNotInitializedError,
    WriteConcernError,
)
from services.foundations.students import StudentService


@pytest.fixture
def storage_broker() -> Mock:
    mock: Mock = create_autospec(StorageBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def date_time_broker(now: datetime) -> Mock:
    mock: Mock = create_autospec(DateTimeBroker, instance=True, spec_set=True)
    mock.get_current_date.return_value = now.date()
    mock.get_current_date_time.return_value = now
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def student_service(
    storage_broker: Mock, date_time_broker: Mock, logging_broker: Mock
) -> StudentService:
    return StudentService(storage_broker, date_time_broker, logging_broker)


# What the storage broker may raise, built from a random message.
StorageErrorFactory = Callable[[str], Exception]

STORAGE_UNAVAILABLE_ERRORS: list[StorageErrorFactory] = [
    ConnectionFailure,
    ServerSelectionTimeoutError,
    NetworkTimeout,
    lambda message: ExecutionTimeout(message, code=50),
    # A replica set electing a new primary, however the driver reports it.
    NotPrimaryError,
    lambda message: OperationFailure(message, code=189),
    lambda message: OperationFailure(message, code=11602),
    lambda message: WriteConcernError(message, code=91),
    lambda message: WriteConcernError(message, code=64),
    lambda message: OperationFailure(
        message, code=1, details={"errorLabels": ["RetryableWriteError"]}
    ),
    lambda message: BulkWriteError(
        {"writeErrors": [], "writeConcernErrors": [{"code": 189, "errmsg": message}]}
    ),
]
STORAGE_UNAVAILABLE_ERROR_IDS = [
    "ConnectionFailure",
    "ServerSelectionTimeoutError",
    "NetworkTimeout",
    "ExecutionTimeout",
    "NotPrimaryError",
    "PrimarySteppedDown",
    "InterruptedDueToReplStateChange",
    "WriteConcernError-ShutdownInProgress",
    "WriteConcernError-WriteConcernFailed",
    "RetryableWriteError-label",
    "BulkWriteError-PrimarySteppedDown",
]

# Neither a duplicate nor an unavailable store: a bug somewhere, the service category.
UNEXPECTED_ERRORS: list[StorageErrorFactory] = [
    Exception,
    ValueError,
    lambda message: OperationFailure(message, code=2),
    lambda message: WriteConcernError(message, code=100),
    lambda _: StorageNotInitializedError(),
]
UNEXPECTED_ERROR_IDS = [
    "Exception",
    "ValueError",
    "OperationFailure",
    "WriteConcernError",
    "StorageNotInitializedError",
]


def create_duplicate_key_error(message: str) -> DuplicateKeyError:
    return DuplicateKeyError(f"E11000 duplicate key error collection: students {message}", 11000)
