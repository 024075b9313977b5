from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, create_autospec

import pytest

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.secrets import HashlibSecretBroker, SecretBroker
from services.orchestrations.registration_acceptances import (
    RegistrationAcceptanceOrchestrationService,
)
from services.processings.registration_events import RegistrationEventProcessingService
from services.processings.registrations import RegistrationProcessingService
from tests.unit.services.orchestrations.registration_events.conftest import derive_id


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
def secret_broker() -> Mock:
    # Digests and signatures are pure: the real ones, so that equal inputs give equal outputs.
    mock: Mock = create_autospec(SecretBroker, instance=True, spec_set=True)
    real = HashlibSecretBroker()
    mock.get_digest.side_effect = real.get_digest
    mock.get_signature.side_effect = real.get_signature
    return mock


@pytest.fixture
def date_time_broker(now: datetime) -> Mock:
    mock: Mock = create_autospec(DateTimeBroker, instance=True, spec_set=True)
    mock.get_current_date.return_value = now.date()
    mock.get_current_date_time.return_value = now
    return mock


@pytest.fixture
def logging_broker() -> Mock:
    mock: Mock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def dependencies(
    registration_event_processing_service: Mock,
    registration_processing_service: Mock,
    logging_broker: Mock,
) -> Mock:
    """The services and the logger under one parent, to assert the order of all their calls."""
    parent = Mock()
    parent.attach_mock(
        registration_event_processing_service, "registration_event_processing_service"
    )
    parent.attach_mock(registration_processing_service, "registration_processing_service")
    parent.attach_mock(logging_broker, "logging_broker")
    return parent


@pytest.fixture
def registration_acceptance_orchestration_service(
    *,
    registration_event_processing_service: Mock,
    registration_processing_service: Mock,
    identifier_broker: Mock,
    secret_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> RegistrationAcceptanceOrchestrationService:
    return RegistrationAcceptanceOrchestrationService(
        registration_event_processing_service,
        registration_processing_service,
        identifier_broker=identifier_broker,
        secret_broker=secret_broker,
        date_time_broker=date_time_broker,
        logging_broker=logging_broker,
    )
