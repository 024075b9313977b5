from __future__ import annotations

from collections.abc import Sequence
from unittest.mock import Mock, create_autospec

import pytest
from faker import Faker

from services.processings.call_batcher import CallBatcher


async def call_each(items: Sequence[str]) -> Sequence[str | Exception]:
    """The shape of the batch call a batcher is given: one answer per item, in place."""
    raise NotImplementedError


@pytest.fixture
def batch_call() -> Mock:
    mock: Mock = create_autospec(call_each, spec_set=True)
    return mock


@pytest.fixture
def call_batcher(batch_call: Mock) -> CallBatcher[str, str]:
    return CallBatcher(batch_call)


def create_random_items(faker: Faker, count: int) -> list[str]:
    return [str(faker.uuid4()) for _ in range(count)]


def create_random_error(faker: Faker) -> Exception:
    return RuntimeError(faker.sentence())
