from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.foundations.registration_events import RegistrationEventService
from services.processings.registration_events import RegistrationEventProcessingService


@pytest.fixture
def registration_event_service() -> Mock:
    mock: Mock = create_autospec(RegistrationEventService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def registration_event_processing_service(
    registration_event_service: Mock, logging_broker: Mock
) -> RegistrationEventProcessingService:
    return RegistrationEventProcessingService(registration_event_service, logging_broker)
