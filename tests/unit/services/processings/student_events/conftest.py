from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.foundations.student_events import StudentEventService
from services.processings.student_events import StudentEventProcessingService


@pytest.fixture
def student_event_service() -> Mock:
    mock: Mock = create_autospec(StudentEventService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def student_event_processing_service(
    student_event_service: Mock, logging_broker: Mock
) -> StudentEventProcessingService:
    return StudentEventProcessingService(student_event_service, logging_broker)
