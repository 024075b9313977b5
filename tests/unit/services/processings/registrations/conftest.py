from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.foundations.registrations import RegistrationService
from services.processings.registrations import RegistrationProcessingService


@pytest.fixture
def registration_service() -> Mock:
    mock: Mock = create_autospec(RegistrationService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def registration_processing_service(
    registration_service: Mock, logging_broker: Mock
) -> RegistrationProcessingService:
    return RegistrationProcessingService(registration_service, logging_broker)
