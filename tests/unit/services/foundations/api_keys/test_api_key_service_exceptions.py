from __future__ import annotations

from unittest.mock import Mock

import pytest
from faker import Faker

from brokers.storages.errors import DuplicateKeyError, storage_failure_of
from contracts.api_keys.exceptions.foundations import (
    AlreadyExistsApiKeyError,
    ApiKeyDependencyError,
    ApiKeyDependencyValidationError,
    ApiKeyServiceError,
    FailedApiKeyServiceError,
    FailedApiKeyStorageError,
)
from services.foundations.api_keys import ApiKeyService
from tests.unit.services.conftest import create_error_log_call, create_random_message
from tests.unit.services.foundations.api_keys.conftest import create_random_api_key
from tests.unit.services.foundations.registrations.conftest import (
    STORAGE_UNAVAILABLE_ERRORS,
    UNEXPECTED_ERRORS,
    StorageErrorFactory,
)


async def test_should_raise_dependency_validation_error_on_add_if_the_name_is_taken_and_log_it(
    faker: Faker, api_key_service: ApiKeyService, storage_broker: Mock, logging_broker: Mock
) -> None:
    # given: the driver's message names the index and the value; the error names the field
    duplicate_key_error = DuplicateKeyError(
        create_random_message(faker), 11000, {"keyPattern": {"name": 1}}
    )
    storage_broker.insert_api_key.side_effect = duplicate_key_error
    expected_error = ApiKeyDependencyValidationError(AlreadyExistsApiKeyError("name"))

    # when
    with pytest.raises(ApiKeyDependencyValidationError) as error_info:
        await api_key_service.add_api_key(create_random_api_key(faker))

    # then
    assert error_info.value == expected_error
    assert error_info.value.__cause__ is duplicate_key_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("create_storage_error", STORAGE_UNAVAILABLE_ERRORS)
async def test_should_raise_dependency_error_on_retrieve_if_storage_is_away_and_log_it(
    *,
    faker: Faker,
    create_storage_error: StorageErrorFactory,
    api_key_service: ApiKeyService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    storage_error = create_storage_error(create_random_message(faker))
    storage_broker.select_api_key_by_id.side_effect = storage_error
    expected_error = ApiKeyDependencyError(
        FailedApiKeyStorageError(storage_failure_of(storage_error))
    )

    # when
    with pytest.raises(ApiKeyDependencyError) as error_info:
        await api_key_service.retrieve_api_key_if_exists(str(faker.uuid4()))

    # then
    assert error_info.value == expected_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("create_unexpected_error", UNEXPECTED_ERRORS)
async def test_should_raise_service_error_on_retrieve_all_if_an_unexpected_error_and_log_it(
    *,
    faker: Faker,
    create_unexpected_error: StorageErrorFactory,
    api_key_service: ApiKeyService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    unexpected_error = create_unexpected_error(create_random_message(faker))
    storage_broker.select_all_api_keys.side_effect = unexpected_error
    expected_error = ApiKeyServiceError(
        FailedApiKeyServiceError(storage_failure_of(unexpected_error))
    )

    # when
    with pytest.raises(ApiKeyServiceError) as error_info:
        await api_key_service.retrieve_all_api_keys()

    # then
    assert error_info.value == expected_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
