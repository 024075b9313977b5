"""Malformed and invalid messages, one of each kind for each type a worker consumes.

Each is built from a valid event of its type and then spoiled one way: not JSON, not an
object, an unknown attribute or field, a wrong or missing part, a value the contracts or the
foundations refuse, or a routing header (the brokers' own) that names no type. None of them may
leave anything stored; each must end in its worker's dead-letter queue, with the reason.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from brokers.queues.messages import ROUTING_KEY_HEADER
from contracts.events.event_types import (
    CONTACT_REGISTERED,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    REGISTRATION_REQUESTED,
    STUDENT_REGISTERED,
)

WORKER_OF_TYPE = {
    REGISTRATION_REQUESTED: "registration",
    STUDENT_REGISTERED: "student",
    GUARDIAN_REGISTERED: "guardian",
    CONTACT_REGISTERED: "contact",
    LIBRARY_CARD_REQUESTED: "library-card",
    IMMUNIZATION_RECORDED: "immunization",
}
POISONED_TYPES = tuple(WORKER_OF_TYPE)


@dataclass(frozen=True)
class PoisonMessage:
    message_id: str
    routing_key: str
    kind: str
    body: bytes
    headers: Mapping[str, Any] = field(default_factory=dict)

    @property
    def worker(self) -> str:
        return WORKER_OF_TYPE[self.routing_key]

    @property
    def seen_as(self) -> str:
        """The type the worker takes it for: the routing header, when one was set, wins."""
        return str(self.headers.get(ROUTING_KEY_HEADER, self.routing_key))


def new_id() -> str:
    return str(uuid.uuid4())


def valid_student(index: int) -> dict[str, Any]:
    return {
        "id": new_id(),
        "first_name": "Poison",
        "last_name": "Message",
        "date_of_birth": "2012-06-01",
        "email": f"poison.{index}.{uuid.uuid4().hex[:8]}@example.com",
    }


def valid_data(event_type: str, index: int) -> dict[str, Any]:
    student = valid_student(index)
    address = {"address_line1": "1 Poison Row", "city": "London", "postal_code": "E1 6AN"}
    match event_type:
        case "registration.requested.v1":
            return {
                "registration_id": new_id(),
                "student": {key: value for key, value in student.items() if key != "id"},
                "guardians": [],
                "contact": {**address, "country": "GB"},
                "library_card": False,
                "immunizations": [],
            }
        case "student.registered.v1":
            return student
        case "guardian.registered.v1":
            guardian = {
                "id": new_id(),
                "student_id": student["id"],
                "first_name": "Paula",
                "last_name": "Message",
                "relationship": "mother",
                "phone": "+442071234567",
            }
            return {"student": student, "guardian": guardian}
        case "contact.registered.v1":
            contact = {"student_id": student["id"], **address, "country": "GB"}
            return {"student": student, "contact": contact}
        case "library_card.requested.v1":
            return {
                "student": student,
                "library_card": {"id": new_id(), "student_id": student["id"]},
            }
        case _:
            immunization = {
                "id": new_id(),
                "student_id": student["id"],
                "vaccine": "MMR",
                "dose_number": 1,
                "administered_on": "2014-01-15",
            }
            return {"student": student, "immunization": immunization}


def valid_event(event_type: str, index: int) -> dict[str, Any]:
    return {
        "specversion": "1.0",
        "id": new_id(),
        "source": "urn:culdesac:faults",
        "type": event_type,
        "time": datetime.now(UTC).isoformat(),
        "datacontenttype": "application/json",
        "data": valid_data(event_type, index),
    }


def with_unknown_attribute(event: dict[str, Any]) -> dict[str, Any]:
    return {**event, "colour": "red"}


def with_unknown_data_field(event: dict[str, Any]) -> dict[str, Any]:
    return {**event, "data": {**event["data"], "nickname": "Poison Ivy"}}


def with_wrong_specversion(event: dict[str, Any]) -> dict[str, Any]:
    return {**event, "specversion": "0.3"}


def without_data(event: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in event.items() if key != "data"}


def with_text_data(event: dict[str, Any]) -> dict[str, Any]:
    return {**event, "data": "not an object"}


def with_invalid_field(event: dict[str, Any]) -> dict[str, Any]:
    """A value the contracts refuse on the wire, a different one for each type."""
    data = json.loads(json.dumps(event["data"]))
    match event["type"]:
        case "registration.requested.v1":
            data["immunizations"] = [
                {"vaccine": "MMR", "dose_number": 0, "administered_on": "2014-01-15"}
            ]
        case "student.registered.v1":
            data["email"] = "not-an-email"
        case "guardian.registered.v1":
            data["guardian"]["relationship"] = "uncle"
        case "contact.registered.v1":
            data["contact"]["country"] = "Narnia"
        case "library_card.requested.v1":
            data["library_card"]["student_id"] = "42"
        case _:
            data["immunization"]["dose_number"] = 11
    return {**event, "data": data}


def with_unborn_student(event: dict[str, Any]) -> dict[str, Any]:
    """A student born tomorrow: well-formed, refused by the student's own validation."""
    data = json.loads(json.dumps(event["data"]))
    tomorrow = (date.today() + timedelta(days=1)).isoformat()  # noqa: DTZ011 - a calendar date
    if event["type"] == STUDENT_REGISTERED:
        data["date_of_birth"] = tomorrow
    elif event["type"] == REGISTRATION_REQUESTED:
        # Only the student worker judges a birth date; the request itself is refused by shape.
        data["guardians"] = [{"first_name": "Too"}]
    else:
        data["student"]["date_of_birth"] = tomorrow
    return {**event, "data": data}


def encoded(spoil: Callable[[dict[str, Any]], dict[str, Any]]) -> Callable[[dict[str, Any]], bytes]:
    return lambda event: json.dumps(spoil(event)).encode()


# Set by publishers who should not: the brokers own this header (it routes retried messages).
ROUTED_NOWHERE = {ROUTING_KEY_HEADER: "nothing.handles.this.v1"}

KINDS: tuple[tuple[str, Callable[[dict[str, Any]], bytes]], ...] = (
    ("truncated JSON", lambda event: json.dumps(event).encode()[:40]),
    ("empty body", lambda _: b""),
    ("JSON array", lambda _: b"[1, 2, 3]"),
    ("not UTF-8", lambda _: b"\xff\xfe\x00garbage"),
    ("unknown attribute", encoded(with_unknown_attribute)),
    ("unknown data field", encoded(with_unknown_data_field)),
    ("wrong specversion", encoded(with_wrong_specversion)),
    ("no data", encoded(without_data)),
    ("data not an object", encoded(with_text_data)),
    ("invalid field", encoded(with_invalid_field)),
    ("unborn student", encoded(with_unborn_student)),
    ("routing-key header of no type", encoded(lambda event: event)),
)


def poison_messages(count: int) -> list[PoisonMessage]:
    """``count`` messages, every kind for every type before any combination comes twice."""
    messages = []
    for index in range(count):
        event_type = POISONED_TYPES[index % len(POISONED_TYPES)]
        kind, spoil = KINDS[(index // len(POISONED_TYPES)) % len(KINDS)]
        messages.append(
            PoisonMessage(
                message_id=f"poison-{index:03d}-{uuid.uuid4().hex[:8]}",
                routing_key=event_type,
                kind=kind,
                body=spoil(valid_event(event_type, index)),
                headers=ROUTED_NOWHERE if kind == "routing-key header of no type" else {},
            )
        )
    return messages
