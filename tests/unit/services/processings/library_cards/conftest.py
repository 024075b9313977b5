from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, create_autospec

import pytest

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from services.foundations.library_cards import LibraryCardService
from services.processings.library_cards import LibraryCardProcessingService


@pytest.fixture
def library_card_service() -> Mock:
    mock: Mock = create_autospec(LibraryCardService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def identifier_broker() -> Mock:
    mock: Mock = create_autospec(IdentifierBroker, instance=True, spec_set=True)
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
def library_card_processing_service(
    library_card_service: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> LibraryCardProcessingService:
    return LibraryCardProcessingService(
        library_card_service, identifier_broker, date_time_broker, logging_broker
    )
