from __future__ import annotations

import json
from datetime import datetime
from unittest.mock import ANY, AsyncMock, Mock, call

import pytest
from faker import Faker

from contracts.events import LIBRARY_CARD_REQUESTED
from contracts.library_cards.exceptions.events import (
    InvalidLibraryCardEventError,
    LibraryCardEventValidationError,
)
from services.foundations.library_card_events import LIBRARY_CARD_WORKER, LibraryCardEventService
from tests.unit.services.concerns.common import create_incoming_message
from tests.unit.services.concerns.library_cards import create_random_library_card_event
from tests.unit.services.conftest import create_error_log_call


async def test_should_listen_to_library_card_requested_events(
    *,
    faker: Faker,
    now: datetime,
    library_card_event_service: LibraryCardEventService,
    queue_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_event = create_random_library_card_event(faker, now)
    input_message = create_incoming_message(faker, LIBRARY_CARD_REQUESTED, random_event.to_bytes())
    expected_event = random_event
    handler = AsyncMock(return_value=None)

    # when
    library_card_event_service.listen_to_library_card_requested_events(handler)
    on_message = queue_broker.listen.call_args.args[2]
    await on_message(input_message)

    # then
    assert queue_broker.mock_calls == [
        call.listen(LIBRARY_CARD_WORKER, LIBRARY_CARD_REQUESTED, ANY)
    ]
    assert handler.await_args_list == [call(expected_event)]
    assert logging_broker.mock_calls == []


async def test_should_raise_validation_error_on_map_if_message_is_invalid_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    library_card_event_service: LibraryCardEventService,
    queue_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_event = create_random_library_card_event(faker, now)
    invalid_body = json.loads(random_event.to_bytes())
    del invalid_body["data"]["library_card"]["student_id"]
    invalid_body["data"]["library_card"]["nickname"] = faker.word()
    input_message = create_incoming_message(
        faker, LIBRARY_CARD_REQUESTED, json.dumps(invalid_body).encode()
    )
    expected_error = LibraryCardEventValidationError(
        InvalidLibraryCardEventError(
            {
                "data.library_card.student_id": ["Field required"],
                "data.library_card.nickname": ["Extra inputs are not permitted"],
            }
        )
    )

    # when
    with pytest.raises(LibraryCardEventValidationError) as error_info:
        await library_card_event_service.map_to_library_card_requested_event(input_message)

    # then
    assert error_info.value == expected_error
    assert queue_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
