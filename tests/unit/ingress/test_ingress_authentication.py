from __future__ import annotations

from unittest.mock import AsyncMock, call

import pytest
from faker import Faker

from contracts.api_keys import Client
from contracts.api_keys.exceptions.processings import (
    ApiKeyProcessingDependencyError,
    FailedApiKeyProcessingServiceError,
)
from ingress.authentication import ClientAuthentication, is_loopback
from ingress.errors import UnauthenticatedError
from tests.unit.ingress.conftest import TOKEN


async def test_should_ask_the_store_once_per_cache_period(
    api_keys: AsyncMock, api_client: Client
) -> None:
    # given
    authentication = ClientAuthentication(api_keys, open_on_loopback=False, cache_seconds=60)

    # when
    clients = [await authentication.client_of(TOKEN) for _ in range(3)]

    # then
    assert clients == [api_client] * 3
    assert api_keys.mock_calls == [call.verify_api_key_token(TOKEN)]


async def test_should_ask_the_store_each_time_without_a_cache(
    api_keys: AsyncMock, api_client: Client
) -> None:
    # given
    authentication = ClientAuthentication(api_keys, open_on_loopback=False, cache_seconds=0)

    # when
    clients = [await authentication.client_of(TOKEN) for _ in range(2)]

    # then: a revocation bites at the next request
    assert clients == [api_client] * 2
    assert api_keys.mock_calls == [call.verify_api_key_token(TOKEN)] * 2


@pytest.mark.parametrize("token", [None, "wrong"])
async def test_should_refuse_without_a_valid_token(api_keys: AsyncMock, token: str | None) -> None:
    # given
    authentication = ClientAuthentication(api_keys, open_on_loopback=False, cache_seconds=60)

    # when / then: nothing refused is cached as known
    for _ in range(2):
        with pytest.raises(UnauthenticatedError):
            await authentication.client_of(token)
    assert api_keys.mock_calls == ([] if token is None else [call.verify_api_key_token(token)] * 2)


async def test_should_serve_an_anonymous_local_client_on_loopback_without_keys(
    api_keys: AsyncMock,
) -> None:
    # given
    api_keys.has_active_api_keys.return_value = False
    authentication = ClientAuthentication(api_keys, open_on_loopback=True, cache_seconds=60)

    # when
    client = await authentication.client_of(None)

    # then
    assert client.name == "local"
    assert api_keys.mock_calls == [call.has_active_api_keys()]


async def test_should_refuse_credentials_missing_on_loopback_once_a_key_exists(
    api_keys: AsyncMock,
) -> None:
    # given
    authentication = ClientAuthentication(api_keys, open_on_loopback=True, cache_seconds=60)

    # when / then
    with pytest.raises(UnauthenticatedError):
        await authentication.client_of(None)


async def test_should_let_an_unavailable_store_through_as_a_dependency_error(
    api_keys: AsyncMock, faker: Faker
) -> None:
    # given: a 503, not a 401, while the key store is away
    away = ApiKeyProcessingDependencyError(FailedApiKeyProcessingServiceError(faker.word()))
    api_keys.verify_api_key_token.side_effect = away
    authentication = ClientAuthentication(api_keys, open_on_loopback=False, cache_seconds=60)

    # when / then
    with pytest.raises(ApiKeyProcessingDependencyError):
        await authentication.client_of(TOKEN)


@pytest.mark.parametrize(
    ("host", "expected"),
    [("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False), ("a.b", False)],  # noqa: S104
)
def test_should_tell_a_loopback_address(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected
