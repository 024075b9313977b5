from __future__ import annotations

from unittest.mock import AsyncMock, call

import httpx
import pytest
from faker import Faker

from contracts.api_keys import Client
from tests.unit.ingress.conftest import (
    NotFoundRegistrationError,
    RegistrationAcceptanceOrchestrationValidationError,
    create_random_registration,
)


async def test_should_answer_the_status_of_a_registration_and_of_each_concern(
    client: httpx.AsyncClient, acceptance: AsyncMock, api_client: Client, faker: Faker
) -> None:
    # given
    storage_registration = create_random_registration(faker)
    input_id = storage_registration.id
    acceptance.retrieve_registration_by_id.return_value = storage_registration
    expected_body = {
        "registration_id": input_id,
        "status": storage_registration.status.value,
        "concerns": {
            key: {"status": concern.status.value, "reason": concern.reason}
            for key, concern in storage_registration.concerns.items()
        },
        "created_at": storage_registration.model_dump(mode="json")["created_at"],
        "updated_at": storage_registration.model_dump(mode="json")["updated_at"],
    }

    # when
    actual_response = await client.get(f"/v1/registrations/{input_id}")

    # then
    assert actual_response.status_code == 200
    assert actual_response.json() == expected_body
    assert acceptance.mock_calls == [call.retrieve_registration_by_id(input_id, api_client)]


async def test_should_answer_404_for_an_unknown_registration(
    client: httpx.AsyncClient, acceptance: AsyncMock, api_client: Client, faker: Faker
) -> None:
    # given
    input_id = str(faker.uuid4())
    acceptance.retrieve_registration_by_id.side_effect = (
        RegistrationAcceptanceOrchestrationValidationError(
            NotFoundRegistrationError(f"no registration with id {input_id}")
        )
    )

    # when
    actual_response = await client.get(f"/v1/registrations/{input_id}")

    # then
    assert actual_response.status_code == 404
    assert acceptance.mock_calls == [call.retrieve_registration_by_id(input_id, api_client)]


async def test_should_look_an_id_up_in_its_canonical_form(
    client: httpx.AsyncClient, acceptance: AsyncMock, api_client: Client, faker: Faker
) -> None:
    # given
    storage_registration = create_random_registration(faker)
    acceptance.retrieve_registration_by_id.return_value = storage_registration

    # when
    actual_response = await client.get(f"/v1/registrations/{storage_registration.id.upper()}")

    # then
    assert actual_response.status_code == 200
    assert acceptance.mock_calls == [
        call.retrieve_registration_by_id(storage_registration.id, api_client)
    ]


@pytest.mark.parametrize("malformed_id", ["42", "not-a-uuid", "x" * 300])
async def test_should_refuse_a_malformed_id(
    client: httpx.AsyncClient, acceptance: AsyncMock, malformed_id: str
) -> None:
    # when
    actual_response = await client.get(f"/v1/registrations/{malformed_id}")

    # then
    assert actual_response.status_code == 422
    assert [error["location"] for error in actual_response.json()["errors"]] == [
        "path.registration_id"
    ]
    assert acceptance.mock_calls == []
