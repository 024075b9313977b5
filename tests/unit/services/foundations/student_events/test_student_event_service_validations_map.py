from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from unittest.mock import Mock

import pytest
from faker import Faker

from contracts.students.exceptions.events import (
    InvalidStudentEventError,
    StudentEventValidationError,
)
from services.foundations.student_events import StudentEventService
from tests.unit.services.conftest import create_error_log_call, create_random_student_event
from tests.unit.services.foundations.student_events.conftest import create_incoming_message

MALFORMED_BODIES = [
    pytest.param(
        b"",
        {"body": ["Invalid JSON: EOF while parsing a value at line 1 column 0"]},
        id="empty",
    ),
    pytest.param(
        b"not json", {"body": ["Invalid JSON: expected ident at line 1 column 2"]}, id="text"
    ),
    pytest.param(
        b"{",
        {"body": ["Invalid JSON: EOF while parsing an object at line 1 column 1"]},
        id="truncated",
    ),
    pytest.param(b"[]", {"body": ["Input should be an object"]}, id="array"),
    pytest.param(
        b"\xff\xfe", {"body": ["Invalid JSON: expected value at line 1 column 1"]}, id="binary"
    ),
]


@pytest.mark.parametrize(("malformed_body", "expected_errors"), MALFORMED_BODIES)
async def test_should_raise_validation_error_on_map_if_body_is_malformed_and_log_it(
    *,
    faker: Faker,
    malformed_body: bytes,
    expected_errors: dict[str, list[str]],
    student_event_service: StudentEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_message = create_incoming_message(faker, malformed_body)
    invalid_student_event_error = InvalidStudentEventError(expected_errors)
    expected_validation_error = StudentEventValidationError(invalid_student_event_error)

    # when
    with pytest.raises(StudentEventValidationError) as error_info:
        await student_event_service.map_to_student_registered_event(input_message)

    # then
    assert error_info.value.inner_error.errors == expected_errors
    assert error_info.value == expected_validation_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_validation_error)]
    assert queue_broker.mock_calls == []
    assert identifier_broker.mock_calls == []
    assert date_time_broker.mock_calls == []


async def test_should_raise_validation_error_on_map_if_event_is_invalid_and_log_it(
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
    invalid_payload: dict[str, Any] = json.loads(random_event.to_bytes())
    invalid_payload["specversion"] = "0.3"
    invalid_payload["time"] = "yesterday"
    del invalid_payload["source"]
    invalid_payload["data"]["email"] = faker.word()
    invalid_payload["data"]["first_name"] = ""
    invalid_body = json.dumps(invalid_payload).encode()

    expected_errors = {
        "specversion": ["Input should be '1.0'"],
        "source": ["Field required"],
        "time": ["Input should be a valid datetime or date, input is too short"],
        "data.first_name": ["String should have at least 1 character"],
        "data.email": ["value is not a valid email address: An email address must have an @-sign."],
    }
    input_message = create_incoming_message(faker, invalid_body)
    invalid_student_event_error = InvalidStudentEventError(expected_errors)
    expected_validation_error = StudentEventValidationError(invalid_student_event_error)

    # when
    with pytest.raises(StudentEventValidationError) as error_info:
        await student_event_service.map_to_student_registered_event(input_message)

    # then
    assert error_info.value.inner_error.errors == expected_errors
    assert error_info.value == expected_validation_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_validation_error)]
    assert queue_broker.mock_calls == []
    assert identifier_broker.mock_calls == []
    assert date_time_broker.mock_calls == []


@pytest.mark.parametrize("where", ["envelope", "data"])
async def test_should_raise_validation_error_on_map_if_event_has_unknown_field_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    where: str,
    student_event_service: StudentEventService,
    queue_broker: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_event = create_random_student_event(faker, now)
    invalid_payload: dict[str, Any] = json.loads(random_event.to_bytes())
    unknown_field = f"unknown_{faker.word()}"
    target = invalid_payload if where == "envelope" else invalid_payload["data"]
    target[unknown_field] = faker.word()
    location = unknown_field if where == "envelope" else f"data.{unknown_field}"
    invalid_body = json.dumps(invalid_payload).encode()

    expected_errors = {location: ["Extra inputs are not permitted"]}
    input_message = create_incoming_message(faker, invalid_body)
    invalid_student_event_error = InvalidStudentEventError(expected_errors)
    expected_validation_error = StudentEventValidationError(invalid_student_event_error)

    # when
    with pytest.raises(StudentEventValidationError) as error_info:
        await student_event_service.map_to_student_registered_event(input_message)

    # then
    assert error_info.value.inner_error.errors == expected_errors
    assert error_info.value == expected_validation_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_validation_error)]
    assert queue_broker.mock_calls == []
    assert identifier_broker.mock_calls == []
    assert date_time_broker.mock_calls == []


async def test_should_raise_validation_error_on_map_if_type_differs_from_routing_key_and_log_it(
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
    payload: dict[str, Any] = json.loads(random_event.to_bytes())
    payload["type"] = "guardian.registered.v1"
    input_message = create_incoming_message(faker, json.dumps(payload).encode())
    expected_errors = {
        "type": [
            (
                "Value error, an event of type 'guardian.registered.v1' "
                "arrived as 'student.registered.v1'"
            )
        ]
    }
    expected_validation_error = StudentEventValidationError(
        InvalidStudentEventError(expected_errors)
    )

    # when
    with pytest.raises(StudentEventValidationError) as error_info:
        await student_event_service.map_to_student_registered_event(input_message)

    # then
    assert error_info.value.inner_error.errors == expected_errors
    assert logging_broker.mock_calls == [create_error_log_call(expected_validation_error)]
    assert queue_broker.mock_calls == []
    assert identifier_broker.mock_calls == []
    assert date_time_broker.mock_calls == []
