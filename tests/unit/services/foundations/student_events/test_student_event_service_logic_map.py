from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock

import pytest
from faker import Faker

from services.foundations.student_events import StudentEventService
from tests.unit.services.conftest import create_random_id, create_random_student_event
from tests.unit.services.foundations.student_events.conftest import create_incoming_message


@pytest.mark.parametrize("has_correlation_id", [True, False])
async def test_should_map_to_student_registered_event(
    *,
    faker: Faker,
    now: datetime,
    has_correlation_id: bool,
    student_event_service: StudentEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    correlation_id = create_random_id(faker) if has_correlation_id else None
    random_event = create_random_student_event(faker, now, correlation_id)
    input_message = create_incoming_message(faker, random_event.to_bytes())
    expected_event = random_event.model_copy(deep=True)

    # when
    actual_event = await student_event_service.map_to_student_registered_event(input_message)

    # then
    assert actual_event == expected_event
    assert queue_broker.mock_calls == []
    assert identifier_broker.mock_calls == []
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == []
