"""How each category of the orchestration's errors is answered, on accept and on retrieve."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from unittest.mock import ANY, AsyncMock, MagicMock, call

import httpx
import pytest
from faker import Faker
from fastapi import FastAPI

from contracts.errors import CategorizedError, LocalizedError
from tests.unit.ingress.conftest import (
    TOKEN,
    AlreadyExistsRegistrationError,
    FailedRegistrationDependencyError,
    FailedRegistrationServiceError,
    InvalidRegistrationError,
    NotFoundRegistrationError,
    RegistrationAcceptanceOrchestrationDependencyError,
    RegistrationAcceptanceOrchestrationDependencyValidationError,
    RegistrationAcceptanceOrchestrationServiceError,
    RegistrationAcceptanceOrchestrationValidationError,
    create_random_request_payload,
)

Send = Callable[[httpx.AsyncClient, Faker], Awaitable[httpx.Response]]


async def post_registration(client: httpx.AsyncClient, faker: Faker) -> httpx.Response:
    return await client.post("/v1/registrations", json=create_random_request_payload(faker))


async def get_registration(client: httpx.AsyncClient, faker: Faker) -> httpx.Response:
    return await client.get(f"/v1/registrations/{faker.uuid4()}")


OPERATIONS = pytest.mark.parametrize(
    ("operation", "send"),
    [
        ("accept_registration", post_registration),
        ("retrieve_registration_by_id", get_registration),
    ],
    ids=["post", "get"],
)


@OPERATIONS
async def test_should_answer_503_with_retry_after_on_dependency_error(
    client: httpx.AsyncClient, acceptance: AsyncMock, faker: Faker, operation: str, send: Send
) -> None:
    # given
    getattr(acceptance, operation).side_effect = RegistrationAcceptanceOrchestrationDependencyError(
        FailedRegistrationDependencyError("the broker did not confirm the publish")
    )

    # when
    actual_response = await send(client, faker)

    # then
    assert actual_response.status_code == 503
    assert int(actual_response.headers["retry-after"]) > 0
    assert "confirm" not in actual_response.text


@OPERATIONS
async def test_should_answer_500_with_a_generic_message_on_service_error_and_log_it(  # noqa: PLR0917
    client: httpx.AsyncClient,
    acceptance: AsyncMock,
    logging_broker: MagicMock,
    faker: Faker,
    operation: str,
    send: Send,
) -> None:
    # given
    secret = faker.sentence()
    getattr(acceptance, operation).side_effect = RegistrationAcceptanceOrchestrationServiceError(
        FailedRegistrationServiceError(secret)
    )

    # when
    actual_response = await send(client, faker)

    # then
    assert actual_response.status_code == 500
    assert actual_response.json()["detail"] == "The request could not be handled."
    assert secret not in actual_response.text
    assert [entry[0] for entry in logging_broker.mock_calls] == ["error"]


@pytest.mark.parametrize(
    "category",
    [
        RegistrationAcceptanceOrchestrationValidationError,
        RegistrationAcceptanceOrchestrationDependencyValidationError,
    ],
    ids=["validation", "dependency-validation"],
)
@pytest.mark.parametrize(
    ("inner_error", "expected_status"),
    [
        (NotFoundRegistrationError("no such registration"), 404),
        (AlreadyExistsRegistrationError("already exists"), 409),
        (InvalidRegistrationError("invalid", {"guardians.0.phone": ["not E.164"]}), 422),
        (InvalidRegistrationError("invalid"), 422),
    ],
    ids=["not-found", "already-exists", "invalid-fields", "invalid"],
)
@OPERATIONS
async def test_should_answer_client_errors_by_category(  # noqa: PLR0917
    client: httpx.AsyncClient,
    acceptance: AsyncMock,
    faker: Faker,
    operation: str,
    send: Send,
    category: type[CategorizedError],
    inner_error: LocalizedError,
    expected_status: int,
) -> None:
    # given
    getattr(acceptance, operation).side_effect = category(inner_error)

    # when
    actual_response = await send(client, faker)

    # then
    assert actual_response.status_code == expected_status
    assert actual_response.json()["detail"] == inner_error.message
    expected_errors = [
        {"location": f"body.{key}", "message": message}
        for key, messages in inner_error.errors.items()
        for message in messages
    ]
    # a field list only where fields are at fault
    assert actual_response.json().get("errors", []) == expected_errors
    assert ("errors" in actual_response.json()) == (expected_status == 422)


async def test_should_answer_500_with_a_generic_message_on_an_unexpected_error(
    app: FastAPI, acceptance: AsyncMock, logging_broker: MagicMock, faker: Faker
) -> None:
    # given
    secret = faker.sentence()
    acceptance.accept_registration.side_effect = RuntimeError(secret)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)

    # when
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://ingress.test",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as client:
        actual_response = await post_registration(client, faker)

    # then: neither the answer nor the log line carries the error's own text
    assert actual_response.status_code == 500
    assert secret not in actual_response.text
    assert logging_broker.mock_calls == [
        call.error("request failed unexpectedly", error_type="RuntimeError", traceback=ANY)
    ]
    assert logging_broker.error.call_args.kwargs["traceback"][-1] == "RuntimeError"
    assert secret not in repr(logging_broker.mock_calls)
