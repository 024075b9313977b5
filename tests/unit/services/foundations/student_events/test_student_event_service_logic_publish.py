from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.queues import OutgoingMessage
from contracts.events import ConcernOutcomeEvent
from services.foundations.student_events import StudentEventService
from tests.unit.services.conftest import create_random_id, create_random_outcome


@pytest.mark.parametrize(
    ("failed", "expected_event_type"),
    [
        pytest.param(False, "student.persisted.v1", id="persisted"),
        pytest.param(True, "student.failed.v1", id="failed"),
    ],
)
@pytest.mark.parametrize("has_correlation_id", [True, False])
async def test_should_publish_student_outcome(
    *,
    faker: Faker,
    now: datetime,
    failed: bool,
    expected_event_type: str,
    has_correlation_id: bool,
    student_event_service: StudentEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_outcome = create_random_outcome(faker, faker.sentence() if failed else None)
    input_outcome = random_outcome
    input_cause_id = create_random_id(faker)
    input_correlation_id = create_random_id(faker) if has_correlation_id else None
    derived_event_id = create_random_id(faker)
    identifier_broker.get_derived_identifier.return_value = derived_event_id
    expected_event = ConcernOutcomeEvent(
        specversion="1.0",
        id=derived_event_id,
        source="urn:culdesac:workers",
        type=expected_event_type,
        time=now,
        data=input_outcome,
        correlationid=input_correlation_id,
    )
    expected_message = OutgoingMessage(
        routing_key=expected_event_type,
        body=expected_event.to_bytes(),
        message_id=derived_event_id,
        correlation_id=input_correlation_id,
        content_type="application/cloudevents+json",
    )

    # when
    await student_event_service.publish_student_outcome(
        input_outcome, cause_id=input_cause_id, correlation_id=input_correlation_id
    )

    # then
    assert identifier_broker.mock_calls == [
        call.get_derived_identifier(expected_event_type, input_cause_id)
    ]
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert queue_broker.mock_calls == [call.publish(expected_message)]
    assert logging_broker.mock_calls == []
