from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.orchestrations.contact_events import ContactEventOrchestrationService
from services.processings.contact_events import ContactEventProcessingService
from services.processings.contacts import ContactProcessingService
from services.processings.students import StudentProcessingService


@pytest.fixture
def contact_event_processing_service() -> Mock:
    mock: Mock = create_autospec(ContactEventProcessingService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def contact_processing_service() -> Mock:
    mock: Mock = create_autospec(ContactProcessingService, instance=True, spec_set=True)
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
    contact_event_processing_service: Mock,
    contact_processing_service: Mock,
    student_processing_service: Mock,
    logging_broker: Mock,
) -> Mock:
    """Every dependency under one parent, so a test can assert the order of all their calls."""
    parent = Mock()
    parent.attach_mock(contact_event_processing_service, "contact_event_processing_service")
    parent.attach_mock(contact_processing_service, "contact_processing_service")
    parent.attach_mock(student_processing_service, "student_processing_service")
    parent.attach_mock(logging_broker, "logging_broker")
    return parent


@pytest.fixture
def contact_event_orchestration_service(
    contact_event_processing_service: Mock,
    contact_processing_service: Mock,
    student_processing_service: Mock,
    logging_broker: Mock,
) -> ContactEventOrchestrationService:
    return ContactEventOrchestrationService(
        contact_event_processing_service,
        contact_processing_service,
        student_processing_service,
        logging_broker,
    )
