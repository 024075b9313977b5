from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.storages.errors import DuplicateKeyError, duplicate_key_of, storage_failure_of
from contracts.registrations import ConcernState, RegistrationStatus
from contracts.registrations.exceptions.foundations import (
    AlreadyExistsRegistrationError,
    FailedRegistrationServiceError,
    FailedRegistrationStorageError,
    RegistrationDependencyError,
    RegistrationDependencyValidationError,
    RegistrationServiceError,
)
from services.foundations.registrations import RegistrationService
from tests.unit.services.conftest import create_error_log_call, create_random_message
from tests.unit.services.foundations.registrations.conftest import (
    STORAGE_UNAVAILABLE_ERRORS,
    UNEXPECTED_ERRORS,
    StorageErrorFactory,
    create_random_registration,
    create_registration_document,
)


async def test_should_raise_dependency_validation_error_on_add_if_duplicate_key_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration = create_random_registration(faker, now)
    duplicate_key_error = DuplicateKeyError(create_random_message(faker), 11000)
    storage_broker.insert_registration_if_absent.side_effect = duplicate_key_error
    expected_error = RegistrationDependencyValidationError(
        AlreadyExistsRegistrationError(duplicate_key_of(duplicate_key_error))
    )

    # when
    with pytest.raises(RegistrationDependencyValidationError) as error_info:
        await registration_service.add_registration_if_absent(input_registration)

    # then
    assert error_info.value == expected_error
    assert error_info.value.__cause__ is duplicate_key_error
    assert storage_broker.mock_calls == [
        call.insert_registration_if_absent(create_registration_document(input_registration))
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("create_storage_error", STORAGE_UNAVAILABLE_ERRORS)
async def test_should_raise_dependency_error_on_modify_concern_if_unavailable_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_storage_error: StorageErrorFactory,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_registration = create_random_registration(faker, now)
    input_concern_key = faker.random_element(list(random_registration.concerns))
    storage_error = create_storage_error(create_random_message(faker))
    storage_broker.update_registration_fields.side_effect = storage_error
    expected_error = RegistrationDependencyError(
        FailedRegistrationStorageError(storage_failure_of(storage_error))
    )

    # when
    with pytest.raises(RegistrationDependencyError) as error_info:
        await registration_service.modify_registration_concern_if_exists(
            random_registration.id,
            input_concern_key,
            random_registration.concerns[input_concern_key],
        )

    # then
    assert error_info.value == expected_error
    assert error_info.value.__cause__ is storage_error
    assert [name for name, _, _ in storage_broker.mock_calls] == ["update_registration_fields"]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("create_storage_error", STORAGE_UNAVAILABLE_ERRORS)
async def test_should_give_each_registration_the_dependency_error_on_settle_if_unavailable(
    *,
    faker: Faker,
    now: datetime,
    create_storage_error: StorageErrorFactory,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registrations = [
        create_random_registration(
            faker, now, states={"student": ConcernState.PERSISTED}, status=status
        )
        for status in (RegistrationStatus.COMPLETED, RegistrationStatus.FAILED)
    ]
    storage_error = create_storage_error(create_random_message(faker))
    storage_broker.update_registrations_fields.side_effect = storage_error
    expected_error = RegistrationDependencyError(
        FailedRegistrationStorageError(storage_failure_of(storage_error))
    )

    # when
    actual_results = await registration_service.modify_registrations_settled_if_unsettled(
        input_registrations
    )

    # then: one failure, one line, for every registration alike
    assert actual_results == [expected_error, expected_error]
    assert all(result.__cause__ is storage_error for result in actual_results)  # type: ignore[union-attr]
    assert [name for name, _, _ in storage_broker.mock_calls] == ["update_registrations_fields"]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("create_error", UNEXPECTED_ERRORS)
async def test_should_raise_service_error_on_retrieve_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_error: StorageErrorFactory,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration_id = create_random_registration(faker, now).id
    unexpected_error = create_error(create_random_message(faker))
    storage_broker.select_registration_by_id.side_effect = unexpected_error
    expected_error = RegistrationServiceError(
        FailedRegistrationServiceError(storage_failure_of(unexpected_error))
    )

    # when
    with pytest.raises(RegistrationServiceError) as error_info:
        await registration_service.retrieve_registration_by_id(input_registration_id)

    # then
    assert error_info.value == expected_error
    assert error_info.value.__cause__ is unexpected_error
    assert storage_broker.mock_calls == [call.select_registration_by_id(input_registration_id)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("create_error", UNEXPECTED_ERRORS)
async def test_should_raise_service_error_on_modify_concern_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_error: StorageErrorFactory,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_registration = create_random_registration(faker, now)
    input_concern_key = faker.random_element(list(random_registration.concerns))
    unexpected_error = create_error(create_random_message(faker))
    storage_broker.update_registration_fields.side_effect = unexpected_error
    expected_error = RegistrationServiceError(
        FailedRegistrationServiceError(storage_failure_of(unexpected_error))
    )

    # when
    with pytest.raises(RegistrationServiceError) as error_info:
        await registration_service.modify_registration_concern_if_exists(
            random_registration.id,
            input_concern_key,
            random_registration.concerns[input_concern_key],
        )

    # then
    assert error_info.value == expected_error
    assert error_info.value.__cause__ is unexpected_error
    assert [name for name, _, _ in storage_broker.mock_calls] == ["update_registration_fields"]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
