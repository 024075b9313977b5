from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.foundations.guardian_events import GuardianEventService
from services.processings.guardian_events import GuardianEventProcessingService


@pytest.fixture
def guardian_event_service() -> Mock:
    mock: Mock = create_autospec(GuardianEventService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def guardian_event_processing_service(
    guardian_event_service: Mock, logging_broker: Mock
) -> GuardianEventProcessingService:
    return GuardianEventProcessingService(guardian_event_service, logging_broker)
