from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from unittest.mock import Mock, call

from faker import Faker

from brokers.queues import OutgoingMessage, QueueUnavailableError
from contracts.events import (
    CONTACT_REGISTERED,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    STUDENT_REGISTERED,
    CloudEvent,
    EventPublication,
)
from contracts.model import Contract
from contracts.registrations.exceptions.events import (
    FailedRegistrationEventPublishError,
    RegistrationEventDependencyError,
)
from services.foundations.events import EVENT_SOURCE
from services.foundations.registration_events import RegistrationEventService
from services.orchestrations.registration_events.registration_plans import (
    map_to_registration_plan,
)
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
    create_random_message,
)
from tests.unit.services.foundations.registrations.requests import (
    create_random_registration_requested_event,
)


def fan_out_data(faker: Faker, now: datetime) -> dict[str, Contract]:
    """One of each concern event's data, as a registration's fan-out builds them."""
    requested = create_random_registration_requested_event(faker, now, library_card=True).data
    plan = map_to_registration_plan(requested, lambda *_: create_random_id(faker))
    assert plan.library_card is not None
    return {
        STUDENT_REGISTERED: plan.student.data,
        GUARDIAN_REGISTERED: plan.guardians[0].data,
        CONTACT_REGISTERED: plan.contact.data,
        LIBRARY_CARD_REQUESTED: plan.library_card.data,
        IMMUNIZATION_RECORDED: plan.immunizations[0].data,
    }


async def test_should_publish_every_event_of_every_fan_out_each_answered_in_its_place(
    *,
    faker: Faker,
    now: datetime,
    registration_event_service: RegistrationEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given: two fan-outs; one event of the second is not confirmed
    data = fan_out_data(faker, now)
    input_fan_outs = [
        tuple(
            EventPublication(event_type, event_data, create_random_id(faker), correlation_id)
            for event_type, event_data in data.items()
        )
        for correlation_id in (create_random_id(faker), create_random_id(faker))
    ]
    expected_events = [
        CloudEvent[Any](
            specversion="1.0",
            id=publication.event_id,
            source=EVENT_SOURCE,
            type=publication.event_type,
            time=now,
            data=publication.data,
            correlationid=publication.correlation_id,
        )
        for fan_out in input_fan_outs
        for publication in fan_out
    ]
    unconfirmed = expected_events[-2].id
    queue_broker_error = QueueUnavailableError(create_random_message(faker))

    async def publish(message: OutgoingMessage) -> None:
        if message.message_id == unconfirmed:
            raise queue_broker_error

    queue_broker.publish.side_effect = publish

    # when
    answers = await registration_event_service.publish_fan_outs(input_fan_outs)

    # then: every publish is made, the second fan-out answers with the unconfirmed one's error
    actual_error = answers[1]
    assert answers[0] is None
    assert isinstance(actual_error, RegistrationEventDependencyError)
    assert isinstance(actual_error.inner_error, FailedRegistrationEventPublishError)
    assert queue_broker.mock_calls == [
        call.publish(
            OutgoingMessage(
                routing_key=event.type,
                body=event.to_bytes(),
                message_id=event.id,
                correlation_id=event.correlationid,
                content_type="application/cloudevents+json",
            )
        )
        for event in expected_events
    ]
    assert identifier_broker.mock_calls == []
    assert date_time_broker.mock_calls == [call.get_current_date_time()] * len(expected_events)
    assert logging_broker.mock_calls == [create_error_log_call(actual_error)]


async def test_should_publish_registration_requested_with_its_registration_as_correlation(
    *,
    faker: Faker,
    now: datetime,
    registration_event_service: RegistrationEventService,
    queue_broker: Mock,
    date_time_broker: Mock,
) -> None:
    # given
    input_requested = create_random_registration_requested_event(faker, now).data
    input_event_id = create_random_id(faker)
    input_requested_at = faker.date_time_between(start_date="-1d", end_date="now", tzinfo=UTC)

    # when
    actual_event = await registration_event_service.publish_registration_requested(
        input_requested, event_id=input_event_id, requested_at=input_requested_at
    )

    # then: dated by the ledger entry, not by the clock, so a replay publishes the same event
    assert actual_event.id == input_event_id
    assert actual_event.time == input_requested_at
    assert actual_event.data == input_requested
    assert actual_event.correlationid == input_requested.registration_id
    assert queue_broker.mock_calls == [
        call.publish(
            OutgoingMessage(
                routing_key="registration.requested.v1",
                body=actual_event.to_bytes(),
                message_id=input_event_id,
                correlation_id=input_requested.registration_id,
                content_type="application/cloudevents+json",
            )
        )
    ]
    assert date_time_broker.mock_calls == []
