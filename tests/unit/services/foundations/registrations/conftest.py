from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from unittest.mock import Mock, create_autospec

import pytest
from faker import Faker

from brokers.datetimes import DateTimeBroker
from brokers.loggings import LoggingBroker
from brokers.storages import Document, StorageBroker
from brokers.storages.errors import (
    ConnectionFailure,
    ExecutionTimeout,
    NetworkTimeout,
    OperationFailure,
    ServerSelectionTimeoutError,
    StorageNotInitializedError,
)
from contracts.events import Concern
from contracts.registrations import (
    ConcernState,
    ConcernStatus,
    Registration,
    RegistrationStatus,
    concern_key,
)
from services.foundations.registrations import RegistrationService
from tests.unit.services.conftest import create_random_id


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
def registration_service(
    storage_broker: Mock, date_time_broker: Mock, logging_broker: Mock
) -> RegistrationService:
    return RegistrationService(storage_broker, date_time_broker, logging_broker)


def create_random_concern_keys(faker: Faker) -> list[str]:
    guardians = faker.random_int(min=0, max=4)
    immunizations = faker.random_int(min=0, max=5)
    return [
        concern_key(Concern.STUDENT),
        *(concern_key(Concern.GUARDIAN, create_random_id(faker)) for _ in range(guardians)),
        concern_key(Concern.CONTACT),
        *([concern_key(Concern.LIBRARY_CARD)] if faker.pybool() else []),
        *(concern_key(Concern.IMMUNIZATION, create_random_id(faker)) for _ in range(immunizations)),
    ]


def create_random_registration(
    faker: Faker,
    now: datetime,
    states: dict[str, ConcernState] | None = None,
    status: RegistrationStatus = RegistrationStatus.PENDING,
) -> Registration:
    """A pending registration (every concern pending) unless ``states`` say otherwise."""
    created_at = now - timedelta(seconds=faker.random_int(min=1, max=3600))
    states = states or dict.fromkeys(create_random_concern_keys(faker), ConcernState.PENDING)
    return Registration(
        id=create_random_id(faker),
        status=status,
        student_id=create_random_id(faker),
        concerns={key: ConcernStatus(status=state) for key, state in states.items()},
        created_at=created_at,
        updated_at=created_at,
    )


def create_registration_document(registration: Registration) -> Document:
    """The document the storage broker keeps for ``registration``: JSON values, keyed by ``id``.

    No overall status: it is read from the concerns.
    """
    return {
        "id": registration.id,
        "student_id": registration.student_id,
        "concerns": {
            key: {"status": concern.status.value, "reason": concern.reason}
            for key, concern in registration.concerns.items()
        },
        "created_at": registration.created_at.isoformat().replace("+00:00", "Z"),
        "updated_at": registration.updated_at.isoformat().replace("+00:00", "Z"),
    }


def create_timestamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


StorageErrorFactory = Callable[[str], Exception]

STORAGE_UNAVAILABLE_ERRORS = [
    pytest.param(ConnectionFailure, id="ConnectionFailure"),
    pytest.param(ServerSelectionTimeoutError, id="ServerSelectionTimeoutError"),
    pytest.param(NetworkTimeout, id="NetworkTimeout"),
    pytest.param(lambda message: ExecutionTimeout(message, code=50), id="ExecutionTimeout"),
]

UNEXPECTED_ERRORS = [
    pytest.param(Exception, id="Exception"),
    pytest.param(lambda message: OperationFailure(message, code=2), id="OperationFailure"),
    pytest.param(lambda _: StorageNotInitializedError(), id="StorageNotInitializedError"),
]
