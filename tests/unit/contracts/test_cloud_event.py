from __future__ import annotations

import json
from typing import Any

import pytest
from faker import Faker
from pydantic import ValidationError

from contracts.events import (
    EVENT_TYPES,
    GUARDIAN_REGISTERED,
    REGISTRATION_REQUESTED,
    STUDENT_REGISTERED,
    Concern,
    ConcernOutcome,
    ConcernOutcomeEvent,
    GuardianRegisteredEvent,
    StudentRegisteredEvent,
    event_model,
    failed_type,
)
from contracts.students import Student
from tests.unit.contracts.conftest import (
    create_random_event_payload,
    create_random_guardian_payload,
    create_random_id,
    create_random_student_payload,
    error_of,
)


def compact_json(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_should_round_trip_every_event_type_through_bytes(faker: Faker, event_type: str) -> None:
    # given
    random_payload = create_random_event_payload(faker, event_type)
    input_body = json.dumps(random_payload).encode()

    # when
    actual_event = event_model(event_type).from_bytes(input_body)
    actual_body = actual_event.to_bytes()

    # then
    assert actual_body == compact_json(random_payload)
    assert event_model(event_type).from_bytes(actual_body) == actual_event
    assert actual_event.type == event_type


def test_should_build_a_typed_event_and_read_it_back(faker: Faker) -> None:
    # given
    random_student = Student.model_validate(create_random_student_payload(faker))
    input_event = StudentRegisteredEvent(
        specversion="1.0",
        id=create_random_id(faker),
        source="/culdesac/ingress",
        type=STUDENT_REGISTERED,
        time=faker.date_time(tzinfo=faker.pytimezone()),
        data=random_student,
        correlationid=create_random_id(faker),
    )

    # when
    actual_event = StudentRegisteredEvent.from_bytes(input_event.to_bytes().decode())

    # then
    assert actual_event == input_event
    assert isinstance(actual_event.data, Student)
    assert actual_event.data == random_student
    assert actual_event.datacontenttype == "application/json"


def test_should_leave_out_an_absent_correlation_id(faker: Faker) -> None:
    # given
    random_payload = create_random_event_payload(faker, STUDENT_REGISTERED)
    del random_payload["correlationid"]

    # when
    actual_event = StudentRegisteredEvent.from_bytes(json.dumps(random_payload))
    actual_body = actual_event.to_bytes()

    # then
    assert actual_event.correlationid is None
    assert b"correlationid" not in actual_body
    assert actual_body == compact_json(random_payload)


def test_should_parse_an_outcome_with_its_concern(faker: Faker) -> None:
    # given
    event_type = failed_type(Concern.GUARDIAN)
    random_payload = create_random_event_payload(faker, event_type)

    # when
    actual_event = ConcernOutcomeEvent.from_bytes(json.dumps(random_payload))

    # then
    assert isinstance(actual_event.data, ConcernOutcome)
    assert actual_event.data.concern is Concern.GUARDIAN
    assert actual_event.data.reason == random_payload["data"]["reason"]


@pytest.mark.parametrize(
    ("event_type", "location"),
    [
        (STUDENT_REGISTERED, ()),
        (STUDENT_REGISTERED, ("data",)),
        (GUARDIAN_REGISTERED, ("data",)),
        (GUARDIAN_REGISTERED, ("data", "student")),
        (GUARDIAN_REGISTERED, ("data", "guardian")),
        (REGISTRATION_REQUESTED, ("data",)),
        (REGISTRATION_REQUESTED, ("data", "contact")),
        (REGISTRATION_REQUESTED, ("data", "guardians", 1)),
        (failed_type(Concern.CONTACT), ("data",)),
    ],
)
def test_should_reject_unknown_attributes_and_fields_at_every_level(
    faker: Faker, event_type: str, location: tuple[str | int, ...]
) -> None:
    # given
    input_payload = create_random_event_payload(faker, event_type)
    target: Any = input_payload
    for key in location:
        target = target[key]
    target["subject" if not location else "unexpected"] = faker.word()

    # when
    with pytest.raises(ValidationError) as raised:
        event_model(event_type).from_bytes(json.dumps(input_payload))

    # then
    field = "subject" if not location else "unexpected"
    assert error_of(raised.value) == ((*location, field), "extra_forbidden")


@pytest.mark.parametrize(
    "malformed_body",
    [
        b"",
        b"{",
        b"not json",
        b"\xff\xfe\x00",
        b"[]",
        b"null",
        b'"1.0"',
        b'{"specversion": "1.0"}',
        b'{"specversion": "1.0", "id": "x"} trailing',
    ],
)
def test_should_raise_validation_error_for_malformed_bytes(malformed_body: bytes) -> None:
    # when
    with pytest.raises(ValidationError) as raised:
        StudentRegisteredEvent.from_bytes(malformed_body)

    # then
    assert raised.value.error_count() >= 1


@pytest.mark.parametrize(
    ("attribute", "invalid_value", "error_type"),
    [
        ("specversion", "0.3", "literal_error"),
        ("datacontenttype", "text/plain", "literal_error"),
        ("time", "2024-05-01T10:00:00", "timezone_aware"),
        ("time", "soon", "datetime_from_date_parsing"),
        ("id", "", "string_too_short"),
        ("id", "i" * 101, "string_too_long"),
        ("source", "s" * 256, "string_too_long"),
        ("type", "", "string_too_short"),
        ("type", "t" * 101, "string_too_long"),
        ("correlationid", "c" * 101, "string_too_long"),
        ("correlationid", "", "string_too_short"),
    ],
)
def test_should_reject_invalid_envelope_attributes(
    faker: Faker, attribute: str, invalid_value: str, error_type: str
) -> None:
    # given
    input_payload = {
        **create_random_event_payload(faker, STUDENT_REGISTERED),
        attribute: invalid_value,
    }

    # when
    with pytest.raises(ValidationError) as raised:
        StudentRegisteredEvent.from_bytes(json.dumps(input_payload))

    # then
    assert error_of(raised.value) == ((attribute,), error_type)


@pytest.mark.parametrize("attribute", ["specversion", "id", "source", "type", "time", "data"])
def test_should_require_every_mandatory_attribute(faker: Faker, attribute: str) -> None:
    # given
    input_payload = create_random_event_payload(faker, STUDENT_REGISTERED)
    del input_payload[attribute]

    # when
    with pytest.raises(ValidationError) as raised:
        StudentRegisteredEvent.from_bytes(json.dumps(input_payload))

    # then
    assert error_of(raised.value) == ((attribute,), "missing")


def test_should_reject_the_data_of_another_event_type(faker: Faker) -> None:
    # given
    input_payload = create_random_event_payload(faker, STUDENT_REGISTERED)
    input_payload["data"] = {
        "student": input_payload["data"],
        "guardian": create_random_guardian_payload(faker, input_payload["data"]["id"]),
    }

    # when
    accepted_event = GuardianRegisteredEvent.from_bytes(json.dumps(input_payload))
    with pytest.raises(ValidationError) as raised:
        StudentRegisteredEvent.from_bytes(json.dumps(input_payload))

    # then
    assert accepted_event.data.student.id == input_payload["data"]["student"]["id"]
    assert ("data", "student") in [error["loc"] for error in raised.value.errors()]


def test_should_be_frozen(faker: Faker) -> None:
    # given
    input_event = StudentRegisteredEvent.from_bytes(
        json.dumps(create_random_event_payload(faker, STUDENT_REGISTERED))
    )

    # when
    with pytest.raises(ValidationError) as raised:
        input_event.type = GUARDIAN_REGISTERED  # type: ignore[misc]

    # then
    assert error_of(raised.value) == (("type",), "frozen_instance")
