from __future__ import annotations

import json
from datetime import datetime
from unittest.mock import ANY, AsyncMock, Mock, call

import pytest
from faker import Faker

from contracts.contacts.exceptions.events import (
    ContactEventValidationError,
    InvalidContactEventError,
)
from contracts.events import CONTACT_REGISTERED
from services.foundations.contact_events import CONTACT_WORKER, ContactEventService
from tests.unit.services.concerns.common import create_incoming_message
from tests.unit.services.concerns.contacts import create_random_contact_event
from tests.unit.services.conftest import create_error_log_call


async def test_should_listen_to_contact_registered_events(
    *,
    faker: Faker,
    now: datetime,
    contact_event_service: ContactEventService,
    queue_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_event = create_random_contact_event(faker, now)
    input_message = create_incoming_message(faker, CONTACT_REGISTERED, random_event.to_bytes())
    expected_event = random_event
    handler = AsyncMock(return_value=None)

    # when
    contact_event_service.listen_to_contact_registered_events(handler)
    on_message = queue_broker.listen.call_args.args[2]
    await on_message(input_message)

    # then
    assert queue_broker.mock_calls == [call.listen(CONTACT_WORKER, CONTACT_REGISTERED, ANY)]
    assert handler.await_args_list == [call(expected_event)]
    assert logging_broker.mock_calls == []


async def test_should_raise_validation_error_on_map_if_message_is_invalid_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    contact_event_service: ContactEventService,
    queue_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_event = create_random_contact_event(faker, now)
    invalid_body = json.loads(random_event.to_bytes())
    del invalid_body["data"]["contact"]["city"]
    invalid_body["data"]["contact"]["nickname"] = faker.word()
    input_message = create_incoming_message(
        faker, CONTACT_REGISTERED, json.dumps(invalid_body).encode()
    )
    expected_error = ContactEventValidationError(
        InvalidContactEventError(
            {
                "data.contact.city": ["Field required"],
                "data.contact.nickname": ["Extra inputs are not permitted"],
            }
        )
    )

    # when
    with pytest.raises(ContactEventValidationError) as error_info:
        await contact_event_service.map_to_contact_registered_event(input_message)

    # then
    assert error_info.value == expected_error
    assert queue_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
