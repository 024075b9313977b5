from __future__ import annotations

import uuid
from unittest.mock import Mock, create_autospec

import pytest

from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.metrics import MetricsBroker
from services.orchestrations.registration_events import RegistrationEventOrchestrationService
from services.processings.registration_events import RegistrationEventProcessingService
from services.processings.registrations import RegistrationProcessingService

TEST_NAMESPACE = uuid.UUID("00000000-0000-4000-8000-000000000001")


def derive_id(*parts: str) -> str:
    """A stand-in for the identifier broker's derivation: the same parts, the same id."""
    return str(uuid.uuid5(TEST_NAMESPACE, "/".join(parts)))


@pytest.fixture
def registration_event_processing_service() -> Mock:
    mock: Mock = create_autospec(RegistrationEventProcessingService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def registration_processing_service() -> Mock:
    mock: Mock = create_autospec(RegistrationProcessingService, instance=True, spec_set=True)
    return mock


@pytest.fixture
def identifier_broker() -> Mock:
    mock: Mock = create_autospec(IdentifierBroker, instance=True, spec_set=True)
    mock.get_derived_identifier.side_effect = derive_id
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def metrics_broker() -> Mock:
    mock: Mock = create_autospec(MetricsBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def dependencies(
    registration_event_processing_service: Mock,
    registration_processing_service: Mock,
    logging_broker: Mock,
    metrics_broker: Mock,
) -> Mock:
    """The services and the logger under one parent, to assert the order of all their calls."""
    parent = Mock()
    parent.attach_mock(
        registration_event_processing_service, "registration_event_processing_service"
    )
    parent.attach_mock(registration_processing_service, "registration_processing_service")
    parent.attach_mock(logging_broker, "logging_broker")
    parent.attach_mock(metrics_broker, "metrics_broker")
    return parent


@pytest.fixture
def registration_event_orchestration_service(
    registration_event_processing_service: Mock,
    registration_processing_service: Mock,
    identifier_broker: Mock,
    logging_broker: Mock,
    metrics_broker: Mock,
) -> RegistrationEventOrchestrationService:
    return RegistrationEventOrchestrationService(
        registration_event_processing_service,
        registration_processing_service,
        identifier_broker,
        logging_broker,
        metrics_broker,
    )
