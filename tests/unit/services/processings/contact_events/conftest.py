from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.foundations.contact_events import ContactEventService
from services.processings.contact_events import ContactEventProcessingService


@pytest.fixture
def contact_event_service() -> Mock:
    mock: Mock = create_autospec(ContactEventService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def contact_event_processing_service(
    contact_event_service: Mock, logging_broker: Mock
) -> ContactEventProcessingService:
    return ContactEventProcessingService(contact_event_service, logging_broker)
