"""Concern outcomes in batches: every outcome type listened to, each message parsed alone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from unittest.mock import ANY, Mock, call

from faker import Faker

from brokers.queues import BatchHandler
from contracts.events import OUTCOME_TYPES, Concern, ConcernOutcomeEvent
from contracts.registrations.exceptions.events import RegistrationEventValidationError
from services.foundations.registration_events import RegistrationEventService
from tests.unit.services.concerns.common import create_incoming_message
from tests.unit.services.conftest import create_error_log_call, create_random_id
from tests.unit.services.foundations.registrations.requests import create_random_outcome_event


async def test_should_hand_parsed_outcomes_over_and_answer_a_malformed_one_alone(
    *,
    faker: Faker,
    now: datetime,
    registration_event_service: RegistrationEventService,
    queue_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_event = create_random_outcome_event(
        faker, now, concern=Concern.CONTACT, correlation_id=create_random_id(faker)
    )
    input_messages = [
        create_incoming_message(faker, input_event.type, input_event.to_bytes()),
        create_incoming_message(faker, input_event.type, b"{}"),
    ]
    received: list[list[ConcernOutcomeEvent]] = []

    async def handle(events: Sequence[ConcernOutcomeEvent]) -> list[Exception | None]:
        received.append(list(events))
        return [None]

    # when
    registration_event_service.listen_to_concern_outcome_event_batches(handle)
    handler: BatchHandler = queue_broker.listen_batch.call_args.args[2]
    answers = await handler(input_messages)

    # then: one batch handler per outcome type, as the queue broker dispatches by routing key
    actual_validation_error = answers[1]
    assert isinstance(actual_validation_error, RegistrationEventValidationError)
    assert answers == [None, actual_validation_error]
    assert received == [[input_event]]
    assert queue_broker.mock_calls == [
        call.listen_batch("registration", outcome_type, ANY) for outcome_type in OUTCOME_TYPES
    ]
    assert logging_broker.mock_calls == [create_error_log_call(actual_validation_error)]
