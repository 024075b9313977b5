"""The ingress app over a strict fake acceptance orchestration, driven through httpx."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC
from typing import Any, Protocol
from unittest.mock import AsyncMock, MagicMock, create_autospec

import httpx
import pytest
from faker import Faker
from fastapi import FastAPI

from brokers.loggings import LoggingBroker
from contracts.api_keys import Client
from contracts.api_keys.exceptions.processings import (
    ApiKeyProcessingValidationError,
    UnauthenticatedApiKeyError,
)
from contracts.errors import (
    DependencyCategoryError,
    DependencyValidationCategoryError,
    LocalizedError,
    ServiceCategoryError,
    ValidationCategoryError,
)
from contracts.registrations import (
    ConcernState,
    ConcernStatus,
    Registration,
    RegistrationRequest,
    RegistrationStatus,
)
from hosting.settings import Settings
from ingress import RegistrationAcceptance, create_app
from ingress.authentication import ApiKeys, ClientAuthentication
from tests.unit.contracts.conftest import create_random_registration_request_payload

MAX_BODY_BYTES = 4096
TOKEN = "a0d1c2b3-0000-4000-8000-000000000001.the-secret"  # noqa: S105 - a test token

Payload = dict[str, Any]


# The shapes of the acceptance orchestration's errors, as the ingress sees them: a category
# around a localized error whose class name says what went wrong.
class InvalidRegistrationError(LocalizedError):
    pass


class NotFoundRegistrationError(LocalizedError):
    pass


class AlreadyExistsRegistrationError(LocalizedError):
    pass


class FailedRegistrationDependencyError(LocalizedError):
    pass


class FailedRegistrationServiceError(LocalizedError):
    pass


class RegistrationAcceptanceOrchestrationValidationError(ValidationCategoryError):
    message = "registration validation error"


class RegistrationAcceptanceOrchestrationDependencyValidationError(
    DependencyValidationCategoryError
):
    message = "registration dependency validation error"


class RegistrationAcceptanceOrchestrationDependencyError(DependencyCategoryError):
    message = "registration dependency error"


class RegistrationAcceptanceOrchestrationServiceError(ServiceCategoryError):
    message = "registration service error"


class CoroutineRegistrationAcceptance(RegistrationAcceptance, Protocol):
    """The protocol as coroutine functions, so that autospec makes its methods ``AsyncMock``s."""

    async def accept_registration(
        self, request: RegistrationRequest, client: Client, idempotency_key: str | None
    ) -> Registration: ...

    async def retrieve_registration_by_id(
        self, registration_id: str, client: Client
    ) -> Registration: ...


class CoroutineApiKeys(ApiKeys, Protocol):
    async def verify_api_key_token(self, token: str) -> Client: ...

    async def has_active_api_keys(self) -> bool: ...


@pytest.fixture(autouse=True)
def faker_seed() -> int:
    return 20_240_917


@pytest.fixture
def acceptance() -> AsyncMock:
    mock: AsyncMock = create_autospec(CoroutineRegistrationAcceptance, instance=True, spec_set=True)
    return mock


@pytest.fixture
def api_client(faker: Faker) -> Client:
    return Client(id=str(faker.uuid4()), name=faker.slug(), signing_key=faker.sha256())


@pytest.fixture
def api_keys(api_client: Client) -> AsyncMock:
    """Knows one token, ``TOKEN``, of ``api_client``; refuses every other one."""
    mock: AsyncMock = create_autospec(CoroutineApiKeys, instance=True, spec_set=True)

    def verify(token: str) -> Client:
        if token != TOKEN:
            raise ApiKeyProcessingValidationError(UnauthenticatedApiKeyError())
        return api_client

    mock.verify_api_key_token.side_effect = verify
    mock.has_active_api_keys.return_value = True
    return mock


@pytest.fixture
def readiness() -> AsyncMock:
    return AsyncMock(return_value={"broker": True, "storage": True})


@pytest.fixture
def logging_broker() -> MagicMock:
    mock: MagicMock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def app(
    acceptance: AsyncMock, readiness: AsyncMock, api_keys: AsyncMock, logging_broker: MagicMock
) -> FastAPI:
    return create_app(
        acceptance,
        readiness,
        Settings(max_body_bytes=MAX_BODY_BYTES),
        authentication=ClientAuthentication(api_keys, open_on_loopback=False, cache_seconds=0),
        logging_broker=logging_broker,
    )


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the ingress that sends ``TOKEN``, as every caller of ``/v1`` must."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://ingress.test",
        headers={"Authorization": f"Bearer {TOKEN}"},
    ) as client:
        yield client


def create_random_request_payload(faker: Faker) -> Payload:
    return create_random_registration_request_payload(faker)


def create_random_registration(
    faker: Faker, registration_id: str | None = None, status: RegistrationStatus | None = None
) -> Registration:
    created_at = faker.date_time_between(start_date="-30d", end_date="-1d", tzinfo=UTC)
    return Registration(
        id=registration_id or str(faker.uuid4()),
        status=status or faker.random_element(list(RegistrationStatus)),
        student_id=str(faker.uuid4()),
        concerns={
            "student": ConcernStatus(status=ConcernState.PERSISTED),
            f"guardian:{faker.uuid4()}": ConcernStatus(
                status=ConcernState.FAILED, reason=faker.sentence()
            ),
            "contact": ConcernStatus(status=ConcernState.PENDING),
        },
        created_at=created_at,
        updated_at=faker.date_time_between(start_date=created_at, end_date="now", tzinfo=UTC),
    )
