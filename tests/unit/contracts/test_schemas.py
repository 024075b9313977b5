from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from contracts.events import EVENT_TYPES, REGISTRATION_REQUESTED, STUDENT_REGISTERED
from contracts.schemas import MODELS, asyncapi_document, json_schemas

MODEL_NAMES = {
    "Student",
    "Guardian",
    "Contact",
    "LibraryCard",
    "LibraryCardRequest",
    "Immunization",
    "Registration",
    "RegistrationRequest",
}


def walk(node: Any, path: str = "#") -> Iterator[tuple[str, Any]]:
    """Every value in a JSON document with its JSON pointer, ``$defs`` included."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")


def object_schemas(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (path, node)
        for path, node in walk(schema)
        if isinstance(node, dict) and (node.get("type") == "object" or "properties" in node)
    ]


def resolve(document: dict[str, Any], reference: str) -> Any:
    assert reference.startswith("#/"), reference
    node: Any = document
    for part in reference[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def test_should_give_a_schema_for_every_event_type_and_model() -> None:
    # when
    actual_schemas = json_schemas()

    # then
    assert set(actual_schemas) == set(EVENT_TYPES) | MODEL_NAMES
    assert {model.__name__ for model in MODELS} == MODEL_NAMES


def test_should_be_json_serializable() -> None:
    # when
    actual_schemas = json.loads(json.dumps(json_schemas()))
    actual_document = json.loads(json.dumps(asyncapi_document()))

    # then
    assert actual_schemas == json_schemas()
    assert actual_document == asyncapi_document()


@pytest.mark.parametrize("key", sorted(set(EVENT_TYPES) | MODEL_NAMES))
def test_should_close_every_object_of_every_schema(key: str) -> None:
    # given
    input_schema = json_schemas()[key]

    # when
    actual_objects = object_schemas(input_schema)

    # then
    assert actual_objects, "no object schema was found"
    assert [
        path for path, node in actual_objects if node.get("additionalProperties") is not False
    ] == []


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_should_describe_the_cloud_event_envelope_of_every_type(event_type: str) -> None:
    # given
    input_schema = json_schemas()[event_type]

    # when
    actual_properties = input_schema["properties"]

    # then
    assert set(actual_properties) == {
        "specversion",
        "id",
        "source",
        "type",
        "time",
        "datacontenttype",
        "data",
        "correlationid",
    }
    assert set(input_schema["required"]) == {"specversion", "id", "source", "type", "time", "data"}
    data_schema = resolve(input_schema, actual_properties["data"]["$ref"])
    assert data_schema["additionalProperties"] is False
    assert "$defs" in input_schema


def test_should_reach_nested_models_in_defs_when_walking() -> None:
    # given
    input_schema = json_schemas()[REGISTRATION_REQUESTED]

    # when
    actual_paths = {path for path, _ in object_schemas(input_schema)}

    # then
    assert {
        "#",
        "#/$defs/RegistrationRequested",
        "#/$defs/StudentDetails",
        "#/$defs/GuardianDetails",
        "#/$defs/ContactDetails",
        "#/$defs/ImmunizationDetails",
    } <= actual_paths


def test_should_close_the_concerns_map_of_the_registration_ledger() -> None:
    # given
    input_schema = json_schemas()["Registration"]

    # when
    actual_concerns = input_schema["properties"]["concerns"]

    # then
    assert actual_concerns["additionalProperties"] is False
    assert actual_concerns["propertyNames"]["maxLength"] == 80
    assert len(actual_concerns["patternProperties"]) == 1


def test_should_list_every_event_type_in_the_asyncapi_document() -> None:
    # when
    actual_document = asyncapi_document()

    # then
    assert actual_document["asyncapi"] == "3.0.0"
    actual_addresses = [channel["address"] for channel in actual_document["channels"].values()]
    assert sorted(actual_addresses) == sorted(EVENT_TYPES)
    actual_names = [
        message["name"] for message in actual_document["components"]["messages"].values()
    ]
    assert sorted(actual_names) == sorted(EVENT_TYPES)
    assert len(actual_document["operations"]) == len(EVENT_TYPES)


def test_should_publish_every_channel_on_the_namespace_topic_exchange() -> None:
    # when
    actual_document = asyncapi_document(namespace="school-7")

    # then
    for channel in actual_document["channels"].values():
        binding = channel["bindings"]["amqp"]
        assert binding["is"] == "routingKey"
        assert binding["exchange"]["name"] == "school-7.events"
        assert binding["exchange"]["type"] == "topic"
        assert binding["exchange"]["durable"] is True


def test_should_resolve_every_reference_of_the_asyncapi_document() -> None:
    # given
    input_document = asyncapi_document()

    # when
    actual_references = [
        node["$ref"]
        for _, node in walk(input_document)
        if isinstance(node, dict) and "$ref" in node
    ]

    # then
    assert len(actual_references) > len(EVENT_TYPES) * 3
    for reference in actual_references:
        assert resolve(input_document, reference) is not None


def test_should_give_every_message_a_cloudevents_payload_of_its_type() -> None:
    # given
    input_document = asyncapi_document()
    messages = input_document["components"]["messages"]

    # when
    payloads = {
        message["name"]: resolve(input_document, message["payload"]["$ref"])
        for message in messages.values()
    }

    # then
    assert {message["contentType"] for message in messages.values()} == {
        "application/cloudevents+json"
    }
    student_data = resolve(
        input_document, payloads[STUDENT_REGISTERED]["properties"]["data"]["$ref"]
    )
    assert student_data["title"] == "Student"
    for event_type, payload in payloads.items():
        assert payload["properties"]["specversion"]["const"] == "1.0", event_type
        assert payload["additionalProperties"] is False, event_type


def test_should_close_every_object_schema_of_the_asyncapi_document() -> None:
    # given
    input_schemas = asyncapi_document()["components"]["schemas"]

    # when
    actual_objects = object_schemas(input_schemas)

    # then
    assert len(actual_objects) >= len(input_schemas) - 3  # enums are the only non-objects
    assert [
        path for path, node in actual_objects if node.get("additionalProperties") is not False
    ] == []
