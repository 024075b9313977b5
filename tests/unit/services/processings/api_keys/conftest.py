from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, create_autospec

import pytest

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.secrets import HashlibSecretBroker, SecretBroker
from services.foundations.api_keys import ApiKeyService
from services.processings.api_keys import ApiKeyProcessingService


@pytest.fixture
def api_key_service() -> Mock:
    mock: Mock = create_autospec(ApiKeyService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def identifier_broker() -> Mock:
    mock: Mock = create_autospec(IdentifierBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def secret_broker() -> Mock:
    # Digests and comparison are pure: the real ones; a new secret is the test's to choose.
    mock: Mock = create_autospec(SecretBroker, instance=True, spec_set=True)
    real = HashlibSecretBroker()
    mock.get_digest.side_effect = real.get_digest
    mock.digests_match.side_effect = real.digests_match
    return mock


@pytest.fixture
def date_time_broker(now: datetime) -> Mock:
    mock: Mock = create_autospec(DateTimeBroker, instance=True, spec_set=True)
    mock.get_current_date_time.return_value = now
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def api_key_processing_service(
    *,
    api_key_service: Mock,
    identifier_broker: Mock,
    secret_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> ApiKeyProcessingService:
    return ApiKeyProcessingService(
        api_key_service, identifier_broker, secret_broker, date_time_broker, logging_broker
    )
