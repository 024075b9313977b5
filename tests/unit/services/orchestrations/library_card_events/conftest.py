from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.orchestrations.library_card_events import LibraryCardEventOrchestrationService
from services.processings.library_card_events import LibraryCardEventProcessingService
from services.processings.library_cards import LibraryCardProcessingService
from services.processings.students import StudentProcessingService


@pytest.fixture
def library_card_event_processing_service() -> Mock:
    mock: Mock = create_autospec(LibraryCardEventProcessingService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def library_card_processing_service() -> Mock:
    mock: Mock = create_autospec(LibraryCardProcessingService, instance=True, spec_set=True)
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
    library_card_event_processing_service: Mock,
    library_card_processing_service: Mock,
    student_processing_service: Mock,
    logging_broker: Mock,
) -> Mock:
    """Every dependency under one parent, so a test can assert the order of all their calls."""
    parent = Mock()
    parent.attach_mock(
        library_card_event_processing_service, "library_card_event_processing_service"
    )
    parent.attach_mock(library_card_processing_service, "library_card_processing_service")
    parent.attach_mock(student_processing_service, "student_processing_service")
    parent.attach_mock(logging_broker, "logging_broker")
    return parent


@pytest.fixture
def library_card_event_orchestration_service(
    library_card_event_processing_service: Mock,
    library_card_processing_service: Mock,
    student_processing_service: Mock,
    logging_broker: Mock,
) -> LibraryCardEventOrchestrationService:
    return LibraryCardEventOrchestrationService(
        library_card_event_processing_service,
        library_card_processing_service,
        student_processing_service,
        logging_broker,
    )
