from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.foundations.contacts import ContactService
from services.processings.contacts import ContactProcessingService


@pytest.fixture
def contact_service() -> Mock:
    mock: Mock = create_autospec(ContactService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def contact_processing_service(
    contact_service: Mock, logging_broker: Mock
) -> ContactProcessingService:
    return ContactProcessingService(contact_service, logging_broker)
