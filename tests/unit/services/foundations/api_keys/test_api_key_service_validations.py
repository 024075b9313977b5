from __future__ import annotations

from datetime import timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.api_keys.exceptions.foundations import (
    ApiKeyValidationError,
    InvalidApiKeyError,
    NotFoundApiKeyError,
)
from services.foundations.api_keys import ApiKeyService
from tests.unit.services.conftest import create_error_log_call
from tests.unit.services.foundations.api_keys.conftest import create_random_api_key


async def test_should_raise_validation_error_on_add_if_the_key_is_revoked_and_log_it(
    faker: Faker, api_key_service: ApiKeyService, storage_broker: Mock, logging_broker: Mock
) -> None:
    # given
    invalid_api_key = create_random_api_key(faker, revoked=True)
    expected_error = ApiKeyValidationError(
        InvalidApiKeyError({"revoked_at": ["A new key is not revoked."]})
    )

    # when
    with pytest.raises(ApiKeyValidationError) as error_info:
        await api_key_service.add_api_key(invalid_api_key)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_validation_error_on_modify_if_revoked_before_created_and_log_it(
    faker: Faker, api_key_service: ApiKeyService, storage_broker: Mock, logging_broker: Mock
) -> None:
    # given
    random_api_key = create_random_api_key(faker)
    invalid_api_key = random_api_key.model_copy(
        update={"revoked_at": random_api_key.created_at - timedelta(seconds=1)}
    )
    expected_error = ApiKeyValidationError(
        InvalidApiKeyError({"revoked_at": ["Date must not be before created_at."]})
    )

    # when
    with pytest.raises(ApiKeyValidationError) as error_info:
        await api_key_service.modify_api_key(invalid_api_key)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_validation_error_on_retrieve_if_id_is_invalid_and_log_it(
    faker: Faker, api_key_service: ApiKeyService, storage_broker: Mock, logging_broker: Mock
) -> None:
    # given
    invalid_id = faker.word()
    expected_error = ApiKeyValidationError(InvalidApiKeyError({"id": ["Id is not a valid UUID."]}))

    # when
    with pytest.raises(ApiKeyValidationError) as error_info:
        await api_key_service.retrieve_api_key_if_exists(invalid_id)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_validation_error_on_modify_if_the_key_is_unknown(
    faker: Faker, api_key_service: ApiKeyService, storage_broker: Mock
) -> None:
    # given
    input_api_key = create_random_api_key(faker, revoked=True)
    storage_broker.update_api_key.return_value = None
    expected_error = ApiKeyValidationError(NotFoundApiKeyError(input_api_key.id))

    # when
    with pytest.raises(ApiKeyValidationError) as error_info:
        await api_key_service.modify_api_key(input_api_key)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [call.update_api_key(input_api_key.model_dump(mode="json"))]
