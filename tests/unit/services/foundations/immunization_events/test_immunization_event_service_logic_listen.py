from __future__ import annotations

import json
from datetime import datetime
from unittest.mock import ANY, AsyncMock, Mock, call

import pytest
from faker import Faker

from contracts.events import IMMUNIZATION_RECORDED
from contracts.immunizations.exceptions.events import (
    ImmunizationEventValidationError,
    InvalidImmunizationEventError,
)
from services.foundations.immunization_events import IMMUNIZATION_WORKER, ImmunizationEventService
from tests.unit.services.concerns.common import create_incoming_message
from tests.unit.services.concerns.immunizations import create_random_immunization_event
from tests.unit.services.conftest import create_error_log_call


async def test_should_listen_to_immunization_recorded_events(
    *,
    faker: Faker,
    now: datetime,
    immunization_event_service: ImmunizationEventService,
    queue_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_event = create_random_immunization_event(faker, now)
    input_message = create_incoming_message(faker, IMMUNIZATION_RECORDED, random_event.to_bytes())
    expected_event = random_event
    handler = AsyncMock(return_value=None)

    # when
    immunization_event_service.listen_to_immunization_recorded_events(handler)
    on_message = queue_broker.listen.call_args.args[2]
    await on_message(input_message)

    # then
    assert queue_broker.mock_calls == [call.listen(IMMUNIZATION_WORKER, IMMUNIZATION_RECORDED, ANY)]
    assert handler.await_args_list == [call(expected_event)]
    assert logging_broker.mock_calls == []


async def test_should_raise_validation_error_on_map_if_message_is_invalid_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    immunization_event_service: ImmunizationEventService,
    queue_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_event = create_random_immunization_event(faker, now)
    invalid_body = json.loads(random_event.to_bytes())
    del invalid_body["data"]["immunization"]["vaccine"]
    invalid_body["data"]["immunization"]["nickname"] = faker.word()
    input_message = create_incoming_message(
        faker, IMMUNIZATION_RECORDED, json.dumps(invalid_body).encode()
    )
    expected_error = ImmunizationEventValidationError(
        InvalidImmunizationEventError(
            {
                "data.immunization.vaccine": ["Field required"],
                "data.immunization.nickname": ["Extra inputs are not permitted"],
            }
        )
    )

    # when
    with pytest.raises(ImmunizationEventValidationError) as error_info:
        await immunization_event_service.map_to_immunization_recorded_event(input_message)

    # then
    assert error_info.value == expected_error
    assert queue_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
