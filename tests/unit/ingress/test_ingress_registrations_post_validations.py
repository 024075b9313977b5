from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from unittest.mock import AsyncMock

import httpx
import pytest
from faker import Faker

from contracts.registrations import MAX_GUARDIANS
from tests.unit.contracts.conftest import create_random_guardian_details_payload
from tests.unit.ingress.conftest import (
    MAX_BODY_BYTES,
    create_random_registration,
    create_random_request_payload,
)


def field_errors(response: httpx.Response) -> dict[str, str]:
    return {error["location"]: error["message"] for error in response.json()["errors"]}


async def test_should_refuse_an_unknown_field_with_its_location(
    client: httpx.AsyncClient, acceptance: AsyncMock, faker: Faker
) -> None:
    # given
    input_payload = create_random_request_payload(faker)
    input_payload["student"]["nickname"] = faker.first_name()

    # when
    actual_response = await client.post("/v1/registrations", json=input_payload)

    # then
    assert actual_response.status_code == 422
    assert field_errors(actual_response) == {
        "body.student.nickname": "Extra inputs are not permitted"
    }
    assert acceptance.mock_calls == []


async def test_should_refuse_an_invalid_email_with_its_location(
    client: httpx.AsyncClient, acceptance: AsyncMock, faker: Faker
) -> None:
    # given
    input_payload = create_random_request_payload(faker)
    input_payload["student"]["email"] = faker.user_name()

    # when
    actual_response = await client.post("/v1/registrations", json=input_payload)

    # then
    assert actual_response.status_code == 422
    actual_errors = field_errors(actual_response)
    assert list(actual_errors) == ["body.student.email"]
    assert "email" in actual_errors["body.student.email"]
    assert input_payload["student"]["email"] not in actual_response.text
    assert acceptance.mock_calls == []


async def test_should_refuse_too_many_guardians(
    client: httpx.AsyncClient, acceptance: AsyncMock, faker: Faker
) -> None:
    # given
    input_payload = create_random_request_payload(faker)
    input_payload["guardians"] = [
        create_random_guardian_details_payload(faker) for _ in range(MAX_GUARDIANS + 1)
    ]

    # when
    actual_response = await client.post("/v1/registrations", json=input_payload)

    # then
    assert actual_response.status_code == 422
    actual_errors = field_errors(actual_response)
    assert list(actual_errors) == ["body.guardians"]
    assert f"at most {MAX_GUARDIANS}" in actual_errors["body.guardians"]
    assert acceptance.mock_calls == []


async def test_should_list_every_invalid_field(
    client: httpx.AsyncClient, acceptance: AsyncMock, faker: Faker
) -> None:
    # given
    input_payload = create_random_request_payload(faker)
    del input_payload["contact"]
    input_payload["student"]["date_of_birth"] = faker.word()
    input_payload["library_card"] = "yes"

    # when
    actual_response = await client.post("/v1/registrations", json=input_payload)

    # then
    assert actual_response.status_code == 422
    assert set(field_errors(actual_response)) == {
        "body.contact",
        "body.student.date_of_birth",
        "body.library_card",
    }
    assert acceptance.mock_calls == []


@pytest.mark.parametrize(
    "raw_body",
    [b"", b"{", b'{"student": }', b"not json", b"\xff\xfe\x00", b"[1, 2"],
    ids=["empty", "unclosed", "missing-value", "text", "not-utf8", "unclosed-array"],
)
async def test_should_refuse_malformed_json_with_a_clear_message(
    client: httpx.AsyncClient, acceptance: AsyncMock, raw_body: bytes
) -> None:
    # when
    actual_response = await client.post(
        "/v1/registrations", content=raw_body, headers={"Content-Type": "application/json"}
    )

    # then
    assert actual_response.status_code == 400
    assert actual_response.json()["detail"].startswith("The request body is not valid JSON")
    assert acceptance.mock_calls == []


async def test_should_refuse_a_json_value_that_is_not_an_object(
    client: httpx.AsyncClient, acceptance: AsyncMock
) -> None:
    # when
    actual_response = await client.post("/v1/registrations", json=[1, 2, 3])

    # then
    assert actual_response.status_code == 422
    assert acceptance.mock_calls == []


def oversized_payload(faker: Faker) -> dict[str, Any]:
    payload = create_random_request_payload(faker)
    payload["padding"] = "x" * MAX_BODY_BYTES
    return payload


async def test_should_refuse_an_oversized_body(
    client: httpx.AsyncClient, acceptance: AsyncMock, faker: Faker
) -> None:
    # when
    actual_response = await client.post("/v1/registrations", json=oversized_payload(faker))

    # then
    assert actual_response.status_code == 413
    assert str(MAX_BODY_BYTES) in actual_response.json()["detail"]
    assert acceptance.mock_calls == []


async def chunks_of(body: bytes, size: int = 512) -> AsyncIterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


async def test_should_refuse_an_oversized_body_sent_without_content_length(
    client: httpx.AsyncClient, acceptance: AsyncMock
) -> None:
    # given
    input_body = b'{"student": "' + b"x" * MAX_BODY_BYTES + b'"}'

    # when
    actual_response = await client.post("/v1/registrations", content=chunks_of(input_body))

    # then
    assert "content-length" not in actual_response.request.headers
    assert actual_response.status_code == 413
    assert acceptance.mock_calls == []


async def test_should_refuse_an_oversized_body_whose_content_length_lies(
    client: httpx.AsyncClient, acceptance: AsyncMock
) -> None:
    # given
    input_body = b'{"student": "' + b"x" * MAX_BODY_BYTES + b'"}'

    # when
    actual_response = await client.post(
        "/v1/registrations", content=chunks_of(input_body), headers={"Content-Length": "100"}
    )

    # then
    assert actual_response.request.headers["content-length"] == "100"
    assert actual_response.status_code == 413
    assert acceptance.mock_calls == []


async def test_should_accept_a_body_of_exactly_the_limit(
    client: httpx.AsyncClient, acceptance: AsyncMock, faker: Faker
) -> None:
    # given: a valid request padded with whitespace (still valid JSON) up to the limit
    raw = httpx.Request("POST", "/", json=create_random_request_payload(faker)).content
    input_body = raw + b" " * (MAX_BODY_BYTES - len(raw))
    acceptance.accept_registration.return_value = create_random_registration(faker)

    # when
    actual_response = await client.post(
        "/v1/registrations", content=input_body, headers={"Content-Type": "application/json"}
    )

    # then
    assert len(input_body) == MAX_BODY_BYTES
    assert actual_response.status_code == 202
    assert len(acceptance.mock_calls) == 1


@pytest.mark.parametrize(
    "key", ["", "k" * 256, "key\twith a tab"], ids=["empty", "too-long", "not-printable"]
)
async def test_should_refuse_an_idempotency_key_of_a_bad_length(
    client: httpx.AsyncClient, acceptance: AsyncMock, faker: Faker, key: str
) -> None:
    # when
    actual_response = await client.post(
        "/v1/registrations",
        json=create_random_request_payload(faker),
        headers={"Idempotency-Key": key},
    )

    # then
    assert actual_response.status_code == 400
    assert actual_response.headers["content-type"] == "application/problem+json"
    assert "Idempotency-Key" in actual_response.json()["detail"]
    assert actual_response.json()["errors"] == [
        {"location": "header.Idempotency-Key", "message": "Key is not valid."}
    ]
    assert acceptance.mock_calls == []
