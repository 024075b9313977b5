from __future__ import annotations

from datetime import UTC, datetime
from unittest.mock import Mock, create_autospec

import pytest
from faker import Faker

from brokers.loggings import LoggingBroker
from brokers.storages import StorageBroker
from contracts.api_keys import ApiKey
from services.foundations.api_keys import ApiKeyService
from tests.unit.services.conftest import create_random_id


@pytest.fixture
def storage_broker() -> Mock:
    mock: Mock = create_autospec(StorageBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def api_key_service(storage_broker: Mock, logging_broker: Mock) -> ApiKeyService:
    return ApiKeyService(storage_broker, logging_broker)


def create_random_api_key(faker: Faker, *, revoked: bool = False) -> ApiKey:
    created_at = faker.date_time_between(start_date="-1y", end_date="-1d", tzinfo=UTC)
    return ApiKey(
        id=create_random_id(faker),
        name=faker.slug(),
        secret_hash=faker.sha256(),
        created_at=created_at,
        revoked_at=(
            faker.date_time_between(start_date=created_at, end_date="now", tzinfo=UTC)
            if revoked
            else None
        ),
    )


def as_document(api_key: ApiKey) -> dict[str, object]:
    return api_key.model_dump(mode="json")


def at(moment: datetime) -> str:
    return moment.isoformat()
