from __future__ import annotations

from unittest.mock import AsyncMock, call

import httpx
import pytest
from faker import Faker

from contracts.api_keys import Client
from contracts.registrations import RegistrationRequest, RegistrationStatus
from tests.unit.ingress.conftest import create_random_registration, create_random_request_payload


async def test_should_accept_a_registration_and_say_where_to_follow_it(
    client: httpx.AsyncClient, acceptance: AsyncMock, api_client: Client, faker: Faker
) -> None:
    # given
    input_payload = create_random_request_payload(faker)
    expected_request = RegistrationRequest.model_validate(input_payload)
    stored_registration = create_random_registration(faker, status=RegistrationStatus.PENDING)
    acceptance.accept_registration.return_value = stored_registration
    expected_url = f"/v1/registrations/{stored_registration.id}"

    # when
    actual_response = await client.post("/v1/registrations", json=input_payload)

    # then
    assert actual_response.status_code == 202
    assert actual_response.json() == {
        "registration_id": stored_registration.id,
        "status_url": expected_url,
    }
    assert actual_response.headers["location"] == expected_url
    assert acceptance.mock_calls == [call.accept_registration(expected_request, api_client, None)]


async def test_should_pass_the_idempotency_key_with_the_client_it_belongs_to(
    client: httpx.AsyncClient, acceptance: AsyncMock, api_client: Client, faker: Faker
) -> None:
    # given
    input_key = faker.pystr(min_chars=1, max_chars=255)
    input_payload = create_random_request_payload(faker)
    acceptance.accept_registration.return_value = create_random_registration(faker)

    # when
    actual_response = await client.post(
        "/v1/registrations", json=input_payload, headers={"Idempotency-Key": input_key}
    )

    # then: the id is the orchestration's to derive, from the client and the key
    assert actual_response.status_code == 202
    assert acceptance.mock_calls == [
        call.accept_registration(
            RegistrationRequest.model_validate(input_payload), api_client, input_key
        )
    ]


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({}, id="no credentials"),
        pytest.param({"Authorization": "Bearer not-a-key"}, id="unknown token"),
        pytest.param({"Authorization": "Basic dXNlcjpwYXNz"}, id="another scheme"),
    ],
)
async def test_should_answer_401_with_a_bearer_challenge_and_accept_nothing(
    app: object, acceptance: AsyncMock, faker: Faker, headers: dict[str, str]
) -> None:
    # given
    input_payload = create_random_request_payload(faker)
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]

    # when
    async with httpx.AsyncClient(transport=transport, base_url="http://ingress.test") as bare:
        post_response = await bare.post("/v1/registrations", json=input_payload, headers=headers)
        get_response = await bare.get(f"/v1/registrations/{faker.uuid4()}", headers=headers)

    # then
    for response in (post_response, get_response):
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == 401
    assert acceptance.mock_calls == []
