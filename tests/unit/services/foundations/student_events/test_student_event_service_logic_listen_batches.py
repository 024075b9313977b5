"""Student events in batches: each message parsed alone, each answered in its place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from unittest.mock import ANY, Mock, call

from faker import Faker

from brokers.queues import BatchHandler, QueueUnavailableError
from contracts.events import OutcomePublication, StudentRegisteredEvent
from contracts.students.exceptions.events import (
    FailedStudentEventPublishError,
    InvalidStudentEventError,
    StudentEventDependencyError,
    StudentEventValidationError,
)
from services.foundations.student_events import StudentEventService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
    create_random_outcome,
    create_random_student_event,
)
from tests.unit.services.foundations.student_events.conftest import create_incoming_message


def registered_batch_handler(queue_broker: Mock) -> BatchHandler:
    """The handler the service gave to ``queue_broker.listen_batch``."""
    handler: BatchHandler = queue_broker.listen_batch.call_args.args[2]
    return handler


async def test_should_hand_parsed_events_over_and_answer_a_malformed_one_alone(
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
    first_event, last_event = (create_random_student_event(faker, now) for _ in range(2))
    input_messages = [
        create_incoming_message(faker, first_event.to_bytes()),
        create_incoming_message(faker, b"not json"),
        create_incoming_message(faker, last_event.to_bytes()),
    ]
    expected_validation_error = StudentEventValidationError(
        InvalidStudentEventError({"body": ["Invalid JSON: expected ident at line 1 column 2"]})
    )
    handled_error = ValueError("answered by the handler")
    received: list[list[StudentRegisteredEvent]] = []

    async def handle(events: Sequence[StudentRegisteredEvent]) -> list[Exception | None]:
        received.append(list(events))
        return [None, handled_error]

    # when
    student_event_service.listen_to_student_registered_event_batches(handle)
    answers = await registered_batch_handler(queue_broker)(input_messages)

    # then
    assert answers == [None, expected_validation_error, handled_error]
    assert received == [[first_event, last_event]]
    assert queue_broker.mock_calls == [call.listen_batch("student", "student.registered.v1", ANY)]
    assert identifier_broker.mock_calls == []
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_validation_error)]


async def test_should_not_call_the_handler_if_no_message_parses(
    *,
    faker: Faker,
    student_event_service: StudentEventService,
    queue_broker: Mock,
) -> None:
    # given
    input_messages = [create_incoming_message(faker, b"[]")]
    received: list[Sequence[StudentRegisteredEvent]] = []

    async def handle(events: Sequence[StudentRegisteredEvent]) -> list[Exception | None]:
        received.append(events)
        return []

    # when
    student_event_service.listen_to_student_registered_event_batches(handle)
    answers = await registered_batch_handler(queue_broker)(input_messages)

    # then
    assert len(answers) == 1
    assert isinstance(answers[0], StudentEventValidationError)
    assert received == []


async def test_should_publish_student_outcomes_together_each_with_its_own_error(
    *,
    faker: Faker,
    now: datetime,
    student_event_service: StudentEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_publications = [
        OutcomePublication(create_random_outcome(faker, None), create_random_id(faker), None)
        for _ in range(3)
    ]
    derived_ids = [create_random_id(faker) for _ in input_publications]
    identifier_broker.get_derived_identifier.side_effect = derived_ids
    unavailable = QueueUnavailableError("not confirmed")
    queue_broker.publish.side_effect = [None, unavailable, None]
    expected_dependency_error = StudentEventDependencyError(
        FailedStudentEventPublishError(type(unavailable).__name__)
    )

    # when
    actual_results = await student_event_service.publish_student_outcomes(input_publications)

    # then
    assert actual_results == [None, expected_dependency_error, None]
    assert [c.args[0].message_id for c in queue_broker.publish.call_args_list] == derived_ids
    assert identifier_broker.mock_calls == [
        call.get_derived_identifier("student.persisted.v1", p.cause_id) for p in input_publications
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_dependency_error)]
