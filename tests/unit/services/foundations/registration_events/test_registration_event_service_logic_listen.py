from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from unittest.mock import ANY, Mock, call

import pytest
from faker import Faker

from brokers.queues import BatchHandler
from contracts.events import REGISTRATION_REQUESTED, RegistrationRequestedEvent
from contracts.registrations.exceptions.events import (
    InvalidRegistrationEventError,
    RegistrationEventValidationError,
)
from services.foundations.registration_events import RegistrationEventService
from tests.unit.services.conftest import create_error_log_call
from tests.unit.services.foundations.registration_events.conftest import create_incoming_message
from tests.unit.services.foundations.registrations.requests import (
    create_random_registration_requested_event,
)


async def test_should_listen_to_registration_requested_events_in_batches(
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

    async def handle(events: Sequence[RegistrationRequestedEvent]) -> list[Exception | None]:
        received_events.extend(events)
        return [None for _ in events]

    # when
    registration_event_service.listen_to_registration_requested_event_batches(handle)
    handler: BatchHandler = queue_broker.listen_batch.call_args.args[2]
    answers = await handler([input_message])

    # then
    assert answers == [None]
    assert received_events == [expected_event]
    assert queue_broker.mock_calls == [
        call.listen_batch("registration", REGISTRATION_REQUESTED, ANY)
    ]
    assert logging_broker.mock_calls == []


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
    [actual_error] = await registration_event_service.map_to_registration_requested_events(
        [input_message]
    )

    # then
    assert isinstance(actual_error, RegistrationEventValidationError)
    assert isinstance(actual_error.inner_error, InvalidRegistrationEventError)
    assert actual_error.inner_error.errors
    assert queue_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(actual_error)]
