from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.queues import OutgoingMessage, QueueUnavailableError, UnroutableMessageError
from contracts.contacts.exceptions.events import (
    ContactEventDependencyError,
    ContactEventServiceError,
    FailedContactEventPublishError,
    FailedContactEventServiceError,
)
from contracts.events import CLOUD_EVENTS_CONTENT_TYPE, ConcernOutcomeEvent
from services.foundations.contact_events import ContactEventService
from services.foundations.events import EVENT_SOURCE
from tests.unit.services.concerns.contacts import create_random_contact_outcome
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
)


@pytest.mark.parametrize(
    ("failed", "event_type"),
    [(False, "contact.persisted.v1"), (True, "contact.failed.v1")],
    ids=["persisted", "failed"],
)
async def test_should_publish_contact_outcome(
    *,
    faker: Faker,
    now: datetime,
    failed: bool,
    event_type: str,
    contact_event_service: ContactEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_outcome = create_random_contact_outcome(faker, faker.sentence() if failed else None)
    cause_id = create_random_id(faker)
    correlation_id = create_random_id(faker)
    outcome_id = create_random_id(faker)
    identifier_broker.get_derived_identifier.return_value = outcome_id
    expected_event = ConcernOutcomeEvent(
        specversion="1.0",
        id=outcome_id,
        source=EVENT_SOURCE,
        type=event_type,
        time=now,
        data=input_outcome,
        correlationid=correlation_id,
    )
    expected_message = OutgoingMessage(
        routing_key=event_type,
        body=expected_event.to_bytes(),
        message_id=outcome_id,
        correlation_id=correlation_id,
        content_type=CLOUD_EVENTS_CONTENT_TYPE,
    )

    # when
    await contact_event_service.publish_contact_outcome(
        input_outcome, cause_id=cause_id, correlation_id=correlation_id
    )

    # then
    assert identifier_broker.mock_calls == [call.get_derived_identifier(event_type, cause_id)]
    assert queue_broker.mock_calls == [call.publish(expected_message)]
    assert logging_broker.mock_calls == []


@pytest.mark.parametrize(
    "create_queue_error",
    [
        pytest.param(lambda faker: QueueUnavailableError(faker.sentence()), id="unavailable"),
        pytest.param(lambda faker: UnroutableMessageError(faker.word()), id="unroutable"),
    ],
)
async def test_should_raise_critical_dependency_error_on_publish_if_queue_fails(
    *,
    faker: Faker,
    create_queue_error: Callable[[Faker], Exception],
    contact_event_service: ContactEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    queue_error = create_queue_error(faker)
    identifier_broker.get_derived_identifier.return_value = create_random_id(faker)
    queue_broker.publish.side_effect = queue_error
    expected_error = ContactEventDependencyError(
        FailedContactEventPublishError(type(queue_error).__name__)
    )

    # when
    with pytest.raises(ContactEventDependencyError) as error_info:
        await contact_event_service.publish_contact_outcome(
            create_random_contact_outcome(faker, None),
            cause_id=create_random_id(faker),
            correlation_id=None,
        )

    # then
    assert error_info.value == expected_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_service_error_on_publish_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    contact_event_service: ContactEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    message = faker.sentence()
    identifier_broker.get_derived_identifier.return_value = create_random_id(faker)
    queue_broker.publish.side_effect = RuntimeError(message)
    expected_error = ContactEventServiceError(FailedContactEventServiceError("RuntimeError"))

    # when
    with pytest.raises(ContactEventServiceError) as error_info:
        await contact_event_service.publish_contact_outcome(
            create_random_contact_outcome(faker, None),
            cause_id=create_random_id(faker),
            correlation_id=None,
        )

    # then
    assert error_info.value == expected_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
