from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, create_autospec

import pytest
from faker import Faker

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.queues import IncomingMessage, OutgoingMessage, QueueBroker
from contracts.events import STUDENT_REGISTERED, ConcernOutcome, ConcernOutcomeEvent
from services.foundations.student_events import StudentEventService
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
def student_event_service(
    queue_broker: Mock, identifier_broker: Mock, date_time_broker: Mock, logging_broker: Mock
) -> StudentEventService:
    return StudentEventService(queue_broker, identifier_broker, date_time_broker, logging_broker)


def create_incoming_message(faker: Faker, body: bytes) -> IncomingMessage:
    return IncomingMessage(
        queue="culdesac.student",
        routing_key=STUDENT_REGISTERED,
        body=body,
        message_id=create_random_id(faker),
        correlation_id=create_random_id(faker),
        content_type="application/cloudevents+json",
        headers={},
        redelivered=faker.pybool(),
        attempt=faker.random_int(min=1, max=5),
    )


def create_outcome_message(
    outcome: ConcernOutcome,
    *,
    event_type: str,
    event_id: str,
    time: datetime,
    correlation_id: str | None,
) -> OutgoingMessage:
    """The message an outcome goes out as: a CloudEvent whose type is also the routing key."""
    event = ConcernOutcomeEvent(
        specversion="1.0",
        id=event_id,
        source="urn:culdesac:workers",
        type=event_type,
        time=time,
        data=outcome,
        correlationid=correlation_id,
    )
    return OutgoingMessage(
        routing_key=event_type,
        body=event.to_bytes(),
        message_id=event_id,
        correlation_id=correlation_id,
        content_type="application/cloudevents+json",
    )
