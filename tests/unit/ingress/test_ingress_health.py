from __future__ import annotations

from unittest.mock import AsyncMock, call

import httpx
import pytest

from contracts.registrations import RegistrationRequest


async def test_should_answer_alive_without_asking_dependencies(
    client: httpx.AsyncClient, readiness: AsyncMock, acceptance: AsyncMock
) -> None:
    # when
    actual_response = await client.get("/healthz")

    # then
    assert actual_response.status_code == 200
    assert actual_response.json() == {"status": "alive"}
    assert readiness.mock_calls == []
    assert acceptance.mock_calls == []


async def test_should_be_ready_when_broker_and_storage_answer(
    client: httpx.AsyncClient, readiness: AsyncMock
) -> None:
    # when
    actual_response = await client.get("/readyz")

    # then
    assert actual_response.status_code == 200
    assert actual_response.json() == {
        "status": "ready",
        "checks": {"broker": True, "storage": True},
    }
    assert readiness.mock_calls == [call()]


@pytest.mark.parametrize(
    "checks",
    [
        {"broker": False, "storage": True},
        {"broker": True, "storage": False},
        {"broker": False, "storage": False},
    ],
    ids=["broker-down", "storage-down", "both-down"],
)
async def test_should_not_be_ready_when_a_dependency_is_down(
    client: httpx.AsyncClient, readiness: AsyncMock, checks: dict[str, bool]
) -> None:
    # given
    readiness.return_value = checks

    # when
    actual_response = await client.get("/readyz")

    # then
    assert actual_response.status_code == 503
    assert actual_response.json() == {"status": "unavailable", "checks": checks}


async def test_should_document_the_registration_request_in_openapi(
    client: httpx.AsyncClient,
) -> None:
    # when
    actual_response = await client.get("/openapi.json")

    # then
    assert actual_response.status_code == 200
    document = actual_response.json()
    post = document["paths"]["/v1/registrations"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/RegistrationRequest"
    }
    assert {"202", "400", "413", "422", "503"} <= set(post["responses"])
    schemas = document["components"]["schemas"]
    assert set(schemas["RegistrationRequest"]["properties"]) == set(
        RegistrationRequest.model_fields
    )
    assert {"StudentDetails", "GuardianDetails", "ContactDetails"} <= set(schemas)
    assert "/v1/registrations/{registration_id}" in document["paths"]


async def test_should_serve_the_api_docs(client: httpx.AsyncClient) -> None:
    # when
    actual_response = await client.get("/docs")

    # then
    assert actual_response.status_code == 200
    assert "/openapi.json" in actual_response.text
