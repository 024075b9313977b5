from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.foundations.immunizations import ImmunizationService
from services.processings.immunizations import ImmunizationProcessingService


@pytest.fixture
def immunization_service() -> Mock:
    mock: Mock = create_autospec(ImmunizationService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def immunization_processing_service(
    immunization_service: Mock, logging_broker: Mock
) -> ImmunizationProcessingService:
    return ImmunizationProcessingService(immunization_service, logging_broker)
