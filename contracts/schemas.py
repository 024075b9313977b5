"""JSON Schemas and the AsyncAPI document, generated from the contracts themselves."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from contracts.contacts.contact import Contact
from contracts.events.cloud_event import CLOUD_EVENTS_CONTENT_TYPE
from contracts.events.event_models import EVENT_MODELS
from contracts.events.event_types import (
    CONTACT_REGISTERED,
    EVENT_TYPES,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    REGISTRATION_REQUESTED,
    STUDENT_REGISTERED,
)
from contracts.guardians.guardian import Guardian
from contracts.immunizations.immunization import Immunization
from contracts.library_cards.library_card import LibraryCard, LibraryCardRequest
from contracts.registrations.registration import Registration
from contracts.registrations.registration_request import RegistrationRequest
from contracts.students.student import Student

MODELS: tuple[type[BaseModel], ...] = (
    Student,
    Guardian,
    Contact,
    LibraryCardRequest,
    LibraryCard,
    Immunization,
    Registration,
    RegistrationRequest,
)

_AMQP_BINDING_VERSION = "0.3.0"
_SUMMARIES = {
    REGISTRATION_REQUESTED: "A whole registration request and its registration id.",
    STUDENT_REGISTERED: "One student to persist.",
    GUARDIAN_REGISTERED: "One guardian of a student, with the student.",
    CONTACT_REGISTERED: "The contact of a student, with the student.",
    LIBRARY_CARD_REQUESTED: "A library card to issue for a student, with the student.",
    IMMUNIZATION_RECORDED: "One immunization record of a student, with the student.",
}


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of every event type (keyed by type) and of every model (keyed by name)."""
    events = {
        event_type: EVENT_MODELS[event_type].model_json_schema() for event_type in EVENT_TYPES
    }
    models = {model.__name__: model.model_json_schema() for model in MODELS}
    return events | models


def _identifier(event_type: str) -> str:
    # AsyncAPI component keys are plain identifiers; event types contain dots.
    return event_type.replace(".", "_")


def _summary(event_type: str) -> str:
    if event_type in _SUMMARIES:
        return _SUMMARIES[event_type]
    concern, outcome, _ = event_type.split(".")
    verb = "was persisted" if outcome == "persisted" else "failed"
    return f"The {concern.replace('_', ' ')} concern of a registration {verb}."


def asyncapi_document(namespace: str = "culdesac") -> dict[str, Any]:
    """An AsyncAPI 3.0 document of the ``<namespace>.events`` topic exchange.

    One channel per event type, addressed by its routing key (the type itself); every payload is
    the CloudEvents envelope with that type's data.
    """
    distinct_models = list(dict.fromkeys(EVENT_MODELS[event_type] for event_type in EVENT_TYPES))
    references, definitions = models_json_schema(
        [(model, "validation") for model in distinct_models],
        ref_template="#/components/schemas/{model}",
    )
    exchange = {
        "name": f"{namespace}.events",
        "type": "topic",
        "durable": True,
        "autoDelete": False,
        "vhost": "/",
    }
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for event_type in EVENT_TYPES:
        identifier = _identifier(event_type)
        messages[identifier] = {
            "name": event_type,
            "title": event_type,
            "summary": _summary(event_type),
            "contentType": CLOUD_EVENTS_CONTENT_TYPE,
            "payload": references[(EVENT_MODELS[event_type], "validation")],
            "bindings": {
                "amqp": {"messageType": event_type, "bindingVersion": _AMQP_BINDING_VERSION}
            },
        }
        channels[identifier] = {
            "address": event_type,
            "title": event_type,
            "messages": {identifier: {"$ref": f"#/components/messages/{identifier}"}},
            "bindings": {
                "amqp": {
                    "is": "routingKey",
                    "exchange": exchange,
                    "bindingVersion": _AMQP_BINDING_VERSION,
                }
            },
        }
        operations[f"send_{identifier}"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{identifier}"},
            "messages": [{"$ref": f"#/channels/{identifier}/messages/{identifier}"}],
            "bindings": {
                "amqp": {
                    "deliveryMode": 2,
                    "mandatory": True,
                    "bindingVersion": _AMQP_BINDING_VERSION,
                }
            },
        }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Culdesac events",
            "version": "1.0.0",
            "description": (
                f"CloudEvents 1.0 in structured JSON mode on the `{namespace}.events` topic "
                "exchange; the routing key is the event type and `correlationid` carries the "
                "registration id."
            ),
        },
        "defaultContentType": CLOUD_EVENTS_CONTENT_TYPE,
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages, "schemas": definitions["$defs"]},
    }
