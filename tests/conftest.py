from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests import backing_services


@pytest.fixture(scope="session")
def amqp_url() -> Iterator[str]:
    with backing_services.rabbitmq_url() as url:
        yield url


@pytest.fixture(scope="session")
def mongodb_url() -> Iterator[str]:
    with backing_services.mongodb_url() as url:
        yield url


@pytest.fixture
def namespace() -> str:
    """A namespace of its own for each test, so runs and tests never see each other's queues."""
    return f"test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def database_name(namespace: str) -> str:
    return namespace.replace("-", "_")
