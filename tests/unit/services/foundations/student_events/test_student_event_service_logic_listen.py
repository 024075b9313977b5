from __future__ import annotations

from datetime import datetime
from unittest.mock import ANY, Mock, call

import pytest
from faker import Faker

from brokers.queues import MessageHandler
from contracts.events import StudentRegisteredEvent
from contracts.students.exceptions.events import (
    InvalidStudentEventError,
    StudentEventValidationError,
)
from services.foundations.student_events import StudentEventService
from tests.unit.services.conftest import create_error_log_call, create_random_student_event
from tests.unit.services.foundations.student_events.conftest import create_incoming_message


def registered_handler(queue_broker: Mock) -> MessageHandler:
    """The handler the service gave to ``queue_broker.listen``."""
    handler: MessageHandler = queue_broker.listen.call_args.args[2]
    return handler


async def test_should_listen_to_student_registered_events(
    *,
    faker: Faker,
    now: datetime,
    student_event_service: StudentEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_event = create_random_student_event(faker, now)
    input_message = create_incoming_message(faker, random_event.to_bytes())
    expected_event = random_event.model_copy(deep=True)
    received_events: list[StudentRegisteredEvent] = []

    async def handle(event: StudentRegisteredEvent) -> None:
        received_events.append(event)

    # when
    student_event_service.listen_to_student_registered_events(handle)
    settlement = await registered_handler(queue_broker)(input_message)

    # then
    assert settlement is None
    assert received_events == [expected_event]
    assert queue_broker.mock_calls == [call.listen("student", "student.registered.v1", ANY)]
    assert identifier_broker.mock_calls == []
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == []


async def test_should_raise_validation_error_on_listen_if_event_is_invalid_and_not_handle_it(
    *,
    faker: Faker,
    student_event_service: StudentEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    invalid_message = create_incoming_message(faker, b"not json")
    invalid_student_event_error = InvalidStudentEventError(
        {"body": ["Invalid JSON: expected ident at line 1 column 2"]}
    )
    expected_validation_error = StudentEventValidationError(invalid_student_event_error)
    received_events: list[StudentRegisteredEvent] = []

    async def handle(event: StudentRegisteredEvent) -> None:
        received_events.append(event)

    # when
    student_event_service.listen_to_student_registered_events(handle)
    with pytest.raises(StudentEventValidationError) as error_info:
        await registered_handler(queue_broker)(invalid_message)

    # then
    assert error_info.value == expected_validation_error
    assert received_events == []
    assert queue_broker.mock_calls == [call.listen("student", "student.registered.v1", ANY)]
    assert identifier_broker.mock_calls == []
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_validation_error)]
