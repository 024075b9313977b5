from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.foundations.library_card_events import LibraryCardEventService
from services.processings.library_card_events import LibraryCardEventProcessingService


@pytest.fixture
def library_card_event_service() -> Mock:
    mock: Mock = create_autospec(LibraryCardEventService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def library_card_event_processing_service(
    library_card_event_service: Mock, logging_broker: Mock
) -> LibraryCardEventProcessingService:
    return LibraryCardEventProcessingService(library_card_event_service, logging_broker)
