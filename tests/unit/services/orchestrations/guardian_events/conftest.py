from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.orchestrations.guardian_events import GuardianEventOrchestrationService
from services.processings.guardian_events import GuardianEventProcessingService
from services.processings.guardians import GuardianProcessingService
from services.processings.students import StudentProcessingService


@pytest.fixture
def guardian_event_processing_service() -> Mock:
    mock: Mock = create_autospec(GuardianEventProcessingService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def guardian_processing_service() -> Mock:
    mock: Mock = create_autospec(GuardianProcessingService, instance=True, spec_set=True)
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
def dependencies(
    guardian_event_processing_service: Mock,
    guardian_processing_service: Mock,
    student_processing_service: Mock,
    logging_broker: Mock,
) -> Mock:
    """Every dependency under one parent, so a test can assert the order of all their calls."""
    parent = Mock()
    parent.attach_mock(guardian_event_processing_service, "guardian_event_processing_service")
    parent.attach_mock(guardian_processing_service, "guardian_processing_service")
    parent.attach_mock(student_processing_service, "student_processing_service")
    parent.attach_mock(logging_broker, "logging_broker")
    return parent


@pytest.fixture
def guardian_event_orchestration_service(
    guardian_event_processing_service: Mock,
    guardian_processing_service: Mock,
    student_processing_service: Mock,
    logging_broker: Mock,
) -> GuardianEventOrchestrationService:
    return GuardianEventOrchestrationService(
        guardian_event_processing_service,
        guardian_processing_service,
        student_processing_service,
        logging_broker,
    )
