"""A bug below reaches the ingress as the orchestration's dependency error: a 500, not a 503."""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock

import httpx
from faker import Faker

from contracts.registrations.exceptions.processings import RegistrationProcessingServiceError
from tests.unit.ingress.conftest import (
    FailedRegistrationServiceError,
    RegistrationAcceptanceOrchestrationDependencyError,
    create_random_request_payload,
)


async def test_should_answer_500_on_a_dependency_error_rooted_in_a_service_error_and_log_it(
    client: httpx.AsyncClient, acceptance: AsyncMock, logging_broker: MagicMock, faker: Faker
) -> None:
    # given
    secret = faker.sentence()
    downstream_error = RegistrationProcessingServiceError(FailedRegistrationServiceError(secret))
    outer_error = RegistrationAcceptanceOrchestrationDependencyError(downstream_error.inner_error)
    outer_error.caused_by(downstream_error)
    acceptance.accept_registration.side_effect = outer_error

    # when
    actual_response = await client.post(
        "/v1/registrations", json=create_random_request_payload(faker)
    )

    # then
    assert actual_response.status_code == 500
    assert "retry-after" not in actual_response.headers
    assert secret not in actual_response.text
    assert [entry[0] for entry in logging_broker.mock_calls] == ["error"]
