from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, create_autospec

import pytest
from faker import Faker

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.queues import IncomingMessage, MessageHandler, QueueBroker
from services.foundations.registration_events import RegistrationEventService
from tests.unit.services.conftest import create_random_id


@pytest.fixture
def queue_broker() -> Mock:
    mock: Mock = create_autospec(QueueBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def identifier_broker() -> Mock:
    mock: Mock = create_autospec(IdentifierBroker, instance=True, spec_set=True)
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
def registration_event_service(
    queue_broker: Mock, identifier_broker: Mock, date_time_broker: Mock, logging_broker: Mock
) -> RegistrationEventService:
    return RegistrationEventService(
        queue_broker, identifier_broker, date_time_broker, logging_broker
    )


def create_incoming_message(faker: Faker, routing_key: str, body: bytes) -> IncomingMessage:
    return IncomingMessage(
        queue="culdesac.registration",
        routing_key=routing_key,
        body=body,
        message_id=create_random_id(faker),
        correlation_id=create_random_id(faker),
        content_type="application/cloudevents+json",
        headers={},
        redelivered=faker.pybool(),
        attempt=faker.random_int(min=1, max=5),
    )


def registered_handlers(queue_broker: Mock) -> dict[str, MessageHandler]:
    """The handler the service gave ``queue_broker.listen`` for each routing key."""
    return {listened.args[1]: listened.args[2] for listened in queue_broker.listen.call_args_list}
