from __future__ import annotations

from unittest.mock import Mock, call

from faker import Faker

from services.foundations.api_keys import ApiKeyService
from tests.unit.services.foundations.api_keys.conftest import as_document, create_random_api_key


async def test_should_add_api_key(
    faker: Faker, api_key_service: ApiKeyService, storage_broker: Mock, logging_broker: Mock
) -> None:
    # given
    input_api_key = create_random_api_key(faker)
    storage_broker.insert_api_key.return_value = as_document(input_api_key)

    # when
    actual_api_key = await api_key_service.add_api_key(input_api_key)

    # then
    assert actual_api_key == input_api_key
    assert actual_api_key is not input_api_key
    assert storage_broker.mock_calls == [call.insert_api_key(as_document(input_api_key))]
    assert logging_broker.mock_calls == []


async def test_should_retrieve_api_key_if_it_exists(
    faker: Faker, api_key_service: ApiKeyService, storage_broker: Mock
) -> None:
    # given
    stored_api_key = create_random_api_key(faker)
    storage_broker.select_api_key_by_id.return_value = as_document(stored_api_key)

    # when
    actual_api_key = await api_key_service.retrieve_api_key_if_exists(stored_api_key.id)

    # then
    assert actual_api_key == stored_api_key
    assert storage_broker.mock_calls == [call.select_api_key_by_id(stored_api_key.id)]


async def test_should_retrieve_nothing_if_the_api_key_is_unknown(
    faker: Faker, api_key_service: ApiKeyService, storage_broker: Mock
) -> None:
    # given
    input_id = str(faker.uuid4())
    storage_broker.select_api_key_by_id.return_value = None

    # when
    actual_api_key = await api_key_service.retrieve_api_key_if_exists(input_id)

    # then
    assert actual_api_key is None
    assert storage_broker.mock_calls == [call.select_api_key_by_id(input_id)]


async def test_should_retrieve_all_api_keys_oldest_first(
    faker: Faker, api_key_service: ApiKeyService, storage_broker: Mock
) -> None:
    # given
    stored_api_keys = [create_random_api_key(faker, revoked=faker.pybool()) for _ in range(5)]
    storage_broker.select_all_api_keys.return_value = [as_document(k) for k in stored_api_keys]
    expected_api_keys = sorted(stored_api_keys, key=lambda k: k.created_at)

    # when
    actual_api_keys = await api_key_service.retrieve_all_api_keys()

    # then
    assert actual_api_keys == expected_api_keys
    assert storage_broker.mock_calls == [call.select_all_api_keys()]


async def test_should_modify_api_key(
    faker: Faker, api_key_service: ApiKeyService, storage_broker: Mock
) -> None:
    # given
    input_api_key = create_random_api_key(faker, revoked=True)
    storage_broker.update_api_key.return_value = as_document(input_api_key)

    # when
    actual_api_key = await api_key_service.modify_api_key(input_api_key)

    # then
    assert actual_api_key == input_api_key
    assert storage_broker.mock_calls == [call.update_api_key(as_document(input_api_key))]
