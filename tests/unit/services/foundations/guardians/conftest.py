from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, create_autospec

import pytest

from brokers.datetimes import DateTimeBroker
from brokers.loggings import LoggingBroker
from brokers.storages import StorageBroker
from services.foundations.guardians import GuardianService


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
def guardian_service(
    storage_broker: Mock, date_time_broker: Mock, logging_broker: Mock
) -> GuardianService:
    return GuardianService(storage_broker, logging_broker)
