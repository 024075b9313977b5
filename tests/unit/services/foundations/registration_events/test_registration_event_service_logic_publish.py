from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any
from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.queues import OutgoingMessage
from contracts.events import (
    CONTACT_REGISTERED,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    STUDENT_REGISTERED,
    CloudEvent,
)
from contracts.model import Contract
from services.foundations.events import EVENT_SOURCE
from services.foundations.registration_events import RegistrationEventService
from services.orchestrations.registration_events.registration_plans import (
    map_to_registration_plan,
)
from tests.unit.services.conftest import create_random_id
from tests.unit.services.foundations.registrations.requests import (
    create_random_registration_requested_event,
)

Publish = Callable[..., Awaitable[CloudEvent[Any]]]


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


PUBLISHERS = [
    pytest.param(STUDENT_REGISTERED, "publish_student_registered", id=STUDENT_REGISTERED),
    pytest.param(GUARDIAN_REGISTERED, "publish_guardian_registered", id=GUARDIAN_REGISTERED),
    pytest.param(CONTACT_REGISTERED, "publish_contact_registered", id=CONTACT_REGISTERED),
    pytest.param(
        LIBRARY_CARD_REQUESTED, "publish_library_card_requested", id=LIBRARY_CARD_REQUESTED
    ),
    pytest.param(IMMUNIZATION_RECORDED, "publish_immunization_recorded", id=IMMUNIZATION_RECORDED),
]


@pytest.mark.parametrize(("event_type", "method_name"), PUBLISHERS)
async def test_should_publish_concern_event(
    *,
    faker: Faker,
    now: datetime,
    event_type: str,
    method_name: str,
    registration_event_service: RegistrationEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_data = fan_out_data(faker, now)[event_type]
    input_event_id = create_random_id(faker)
    input_correlation_id = create_random_id(faker)
    expected_event = CloudEvent[Any](
        specversion="1.0",
        id=input_event_id,
        source=EVENT_SOURCE,
        type=event_type,
        time=now,
        data=input_data,
        correlationid=input_correlation_id,
    )
    publish: Publish = getattr(registration_event_service, method_name)

    # when
    actual_event = await publish(
        input_data, event_id=input_event_id, correlation_id=input_correlation_id
    )

    # then
    assert actual_event.model_dump() == expected_event.model_dump()
    assert queue_broker.mock_calls == [
        call.publish(
            OutgoingMessage(
                routing_key=event_type,
                body=expected_event.to_bytes(),
                message_id=input_event_id,
                correlation_id=input_correlation_id,
                content_type="application/cloudevents+json",
            )
        )
    ]
    assert identifier_broker.mock_calls == []
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert logging_broker.mock_calls == []


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
