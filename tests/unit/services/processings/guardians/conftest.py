from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.foundations.guardians import GuardianService
from services.processings.guardians import GuardianProcessingService


@pytest.fixture
def guardian_service() -> Mock:
    mock: Mock = create_autospec(GuardianService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def guardian_processing_service(
    guardian_service: Mock, logging_broker: Mock
) -> GuardianProcessingService:
    return GuardianProcessingService(guardian_service, logging_broker)
