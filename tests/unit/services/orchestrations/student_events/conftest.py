from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.orchestrations.student_events import StudentEventOrchestrationService
from services.processings.student_events import StudentEventProcessingService
from services.processings.students import StudentProcessingService


@pytest.fixture
def student_event_processing_service() -> Mock:
    mock: Mock = create_autospec(StudentEventProcessingService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def student_processing_service() -> Mock:
    mock: Mock = create_autospec(StudentProcessingService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def all_calls(
    student_event_processing_service: Mock, student_processing_service: Mock, logging_broker: Mock
) -> Mock:
    """Every dependency's calls in the order made, for the order that data does not force."""
    parent = Mock()
    parent.attach_mock(student_event_processing_service, "student_event_processing_service")
    parent.attach_mock(student_processing_service, "student_processing_service")
    parent.attach_mock(logging_broker, "logging_broker")
    return parent


@pytest.fixture
def student_event_orchestration_service(
    student_event_processing_service: Mock, student_processing_service: Mock, logging_broker: Mock
) -> StudentEventOrchestrationService:
    return StudentEventOrchestrationService(
        student_event_processing_service, student_processing_service, logging_broker
    )
