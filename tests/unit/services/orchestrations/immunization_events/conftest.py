from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.orchestrations.immunization_events import ImmunizationEventOrchestrationService
from services.processings.immunization_events import ImmunizationEventProcessingService
from services.processings.immunizations import ImmunizationProcessingService
from services.processings.students import StudentProcessingService


@pytest.fixture
def immunization_event_processing_service() -> Mock:
    mock: Mock = create_autospec(ImmunizationEventProcessingService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def immunization_processing_service() -> Mock:
    mock: Mock = create_autospec(ImmunizationProcessingService, instance=True, spec_set=True)
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
    immunization_event_processing_service: Mock,
    immunization_processing_service: Mock,
    student_processing_service: Mock,
    logging_broker: Mock,
) -> Mock:
    """Every dependency under one parent, so a test can assert the order of all their calls."""
    parent = Mock()
    parent.attach_mock(
        immunization_event_processing_service, "immunization_event_processing_service"
    )
    parent.attach_mock(immunization_processing_service, "immunization_processing_service")
    parent.attach_mock(student_processing_service, "student_processing_service")
    parent.attach_mock(logging_broker, "logging_broker")
    return parent


@pytest.fixture
def immunization_event_orchestration_service(
    immunization_event_processing_service: Mock,
    immunization_processing_service: Mock,
    student_processing_service: Mock,
    logging_broker: Mock,
) -> ImmunizationEventOrchestrationService:
    return ImmunizationEventOrchestrationService(
        immunization_event_processing_service,
        immunization_processing_service,
        student_processing_service,
        logging_broker,
    )
