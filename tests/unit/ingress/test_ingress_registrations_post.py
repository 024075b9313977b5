from __future__ import annotations

import uuid
from unittest.mock import AsyncMock, call

import httpx
from faker import Faker

from brokers.identifiers import UuidIdentifierBroker
from contracts.registrations import Registration, RegistrationRequest, RegistrationStatus
from tests.unit.ingress.conftest import create_random_registration, create_random_request_payload


def accepting(acceptance: AsyncMock, faker: Faker) -> None:
    def accept(_: RegistrationRequest, registration_id: str) -> Registration:
        return create_random_registration(faker, registration_id, RegistrationStatus.PENDING)

    acceptance.accept_registration.side_effect = accept


async def test_should_accept_a_registration_and_say_where_to_follow_it(
    client: httpx.AsyncClient, acceptance: AsyncMock, faker: Faker
) -> None:
    # given
    random_payload = create_random_request_payload(faker)
    input_payload = random_payload
    expected_request = RegistrationRequest.model_validate(input_payload)
    accepting(acceptance, faker)

    # when
    actual_response = await client.post("/v1/registrations", json=input_payload)

    # then
    assert actual_response.status_code == 202
    actual_body = actual_response.json()
    registration_id = actual_body["registration_id"]
    assert uuid.UUID(registration_id).version == 4
    expected_url = f"/v1/registrations/{registration_id}"
    assert actual_body == {"registration_id": registration_id, "status_url": expected_url}
    assert actual_response.headers["location"] == expected_url
    assert acceptance.mock_calls == [call.accept_registration(expected_request, registration_id)]


async def test_should_give_a_new_id_to_each_registration_without_idempotency_key(
    client: httpx.AsyncClient, acceptance: AsyncMock, faker: Faker
) -> None:
    # given
    input_payload = create_random_request_payload(faker)
    accepting(acceptance, faker)

    # when
    first_response = await client.post("/v1/registrations", json=input_payload)
    second_response = await client.post("/v1/registrations", json=input_payload)

    # then
    assert (first_response.status_code, second_response.status_code) == (202, 202)
    assert first_response.json()["registration_id"] != second_response.json()["registration_id"]


async def test_should_derive_the_same_id_from_the_same_idempotency_key(
    client: httpx.AsyncClient, acceptance: AsyncMock, faker: Faker
) -> None:
    # given
    random_key = faker.uuid4()
    input_payload = create_random_request_payload(faker)
    expected_request = RegistrationRequest.model_validate(input_payload)
    expected_id = UuidIdentifierBroker().get_derived_identifier("registration", random_key)
    accepting(acceptance, faker)
    headers = {"Idempotency-Key": random_key}

    # when
    first_response = await client.post("/v1/registrations", json=input_payload, headers=headers)
    second_response = await client.post("/v1/registrations", json=input_payload, headers=headers)

    # then
    assert (first_response.status_code, second_response.status_code) == (202, 202)
    assert first_response.json()["registration_id"] == expected_id
    assert second_response.json()["registration_id"] == expected_id
    assert second_response.headers["location"] == f"/v1/registrations/{expected_id}"
    # Whether the second is published again is the orchestration's call: it knows the id.
    assert acceptance.mock_calls == [
        call.accept_registration(expected_request, expected_id),
        call.accept_registration(expected_request, expected_id),
    ]


async def test_should_derive_different_ids_from_different_idempotency_keys(
    client: httpx.AsyncClient, acceptance: AsyncMock, faker: Faker
) -> None:
    # given
    input_payload = create_random_request_payload(faker)
    accepting(acceptance, faker)

    # when
    first_response = await client.post(
        "/v1/registrations", json=input_payload, headers={"Idempotency-Key": faker.uuid4()}
    )
    second_response = await client.post(
        "/v1/registrations", json=input_payload, headers={"Idempotency-Key": faker.uuid4()}
    )

    # then
    assert first_response.json()["registration_id"] != second_response.json()["registration_id"]
