from __future__ import annotations

from datetime import datetime
from unittest.mock import ANY, Mock, call

import pytest
from faker import Faker

from contracts.events import (
    OUTCOME_TYPES,
    REGISTRATION_REQUESTED,
    Concern,
    ConcernOutcomeEvent,
    RegistrationRequestedEvent,
)
from contracts.registrations.exceptions.events import (
    InvalidRegistrationEventError,
    RegistrationEventValidationError,
)
from services.foundations.registration_events import RegistrationEventService
from tests.unit.services.conftest import create_error_log_call, create_random_id
from tests.unit.services.foundations.registration_events.conftest import (
    create_incoming_message,
    registered_handlers,
)
from tests.unit.services.foundations.registrations.requests import (
    create_random_outcome_event,
    create_random_registration_requested_event,
)


async def test_should_listen_to_registration_requested_events(
    *,
    faker: Faker,
    now: datetime,
    registration_event_service: RegistrationEventService,
    queue_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_event = create_random_registration_requested_event(faker, now)
    input_message = create_incoming_message(faker, REGISTRATION_REQUESTED, random_event.to_bytes())
    expected_event = random_event.model_copy(deep=True)
    received_events: list[RegistrationRequestedEvent] = []

    async def handle(event: RegistrationRequestedEvent) -> None:
        received_events.append(event)

    # when
    registration_event_service.listen_to_registration_requested_events(handle)
    await registered_handlers(queue_broker)[REGISTRATION_REQUESTED](input_message)

    # then
    assert received_events == [expected_event]
    assert queue_broker.mock_calls == [call.listen("registration", REGISTRATION_REQUESTED, ANY)]
    assert logging_broker.mock_calls == []


async def test_should_listen_to_every_concern_outcome_type(
    *,
    faker: Faker,
    now: datetime,
    registration_event_service: RegistrationEventService,
    queue_broker: Mock,
) -> None:
    # given: the queue broker dispatches by exact routing key, so each type needs its handler
    random_event = create_random_outcome_event(
        faker,
        now,
        concern=faker.random_element(list(Concern)),
        failed=faker.pybool(),
        correlation_id=create_random_id(faker),
    )
    received_events: list[ConcernOutcomeEvent] = []

    async def handle(event: ConcernOutcomeEvent) -> None:
        received_events.append(event)

    # when
    registration_event_service.listen_to_concern_outcome_events(handle)
    handlers = registered_handlers(queue_broker)
    await handlers[random_event.type](
        create_incoming_message(faker, random_event.type, random_event.to_bytes())
    )

    # then
    assert queue_broker.mock_calls == [
        call.listen("registration", outcome_type, ANY) for outcome_type in OUTCOME_TYPES
    ]
    assert len(OUTCOME_TYPES) == 10
    assert received_events == [random_event]


@pytest.mark.parametrize(
    "invalid_body",
    [
        pytest.param(b"{not json", id="malformed"),
        pytest.param(b'{"specversion": "1.0"}', id="incomplete"),
    ],
)
async def test_should_raise_validation_error_on_map_if_requested_event_is_invalid_and_log_it(
    *,
    faker: Faker,
    invalid_body: bytes,
    registration_event_service: RegistrationEventService,
    queue_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_message = create_incoming_message(faker, REGISTRATION_REQUESTED, invalid_body)

    # when
    with pytest.raises(RegistrationEventValidationError) as error_info:
        await registration_event_service.map_to_registration_requested_event(input_message)

    # then
    assert isinstance(error_info.value.inner_error, InvalidRegistrationEventError)
    assert error_info.value.inner_error.errors
    assert queue_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(error_info.value)]
