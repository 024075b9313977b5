from __future__ import annotations

from unittest.mock import Mock, create_autospec

import pytest

from brokers.loggings import LoggingBroker
from services.foundations.students import StudentService
from services.processings.students import StudentProcessingService


@pytest.fixture
def student_service() -> Mock:
    mock: Mock = create_autospec(StudentService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def student_processing_service(
    student_service: Mock, logging_broker: Mock
) -> StudentProcessingService:
    return StudentProcessingService(student_service, logging_broker)
