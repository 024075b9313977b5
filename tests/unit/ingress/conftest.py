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

from brokers.identifiers import UuidIdentifierBroker
from brokers.loggings import LoggingBroker
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
from tests.unit.contracts.conftest import create_random_registration_request_payload

MAX_BODY_BYTES = 4096

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
        self, request: RegistrationRequest, registration_id: str
    ) -> Registration: ...

    async def retrieve_registration_by_id(self, registration_id: str) -> Registration: ...


@pytest.fixture(autouse=True)
def faker_seed() -> int:
    return 20_240_917


@pytest.fixture
def acceptance() -> AsyncMock:
    mock: AsyncMock = create_autospec(CoroutineRegistrationAcceptance, instance=True, spec_set=True)
    return mock


@pytest.fixture
def readiness() -> AsyncMock:
    return AsyncMock(return_value={"broker": True, "storage": True})


@pytest.fixture
def logging_broker() -> MagicMock:
    mock: MagicMock = create_autospec(LoggingBroker, instance=True, spec_set=True)
    return mock


@pytest.fixture
def app(acceptance: AsyncMock, readiness: AsyncMock, logging_broker: MagicMock) -> FastAPI:
    # The identifier broker is pure (UUIDv5 of its parts): the real one shows the ids derive.
    return create_app(
        acceptance,
        readiness,
        Settings(max_body_bytes=MAX_BODY_BYTES),
        identifier_broker=UuidIdentifierBroker(),
        logging_broker=logging_broker,
    )


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://ingress.test") as client:
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
