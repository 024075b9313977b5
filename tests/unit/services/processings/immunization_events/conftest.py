from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.foundations.immunization_events import ImmunizationEventService
from services.processings.immunization_events import ImmunizationEventProcessingService


@pytest.fixture
def immunization_event_service() -> Mock:
    mock: Mock = create_autospec(ImmunizationEventService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def immunization_event_processing_service(
    immunization_event_service: Mock, logging_broker: Mock
) -> ImmunizationEventProcessingService:
    return ImmunizationEventProcessingService(immunization_event_service, logging_broker)
