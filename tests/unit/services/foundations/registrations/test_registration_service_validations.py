from __future__ import annotations

from datetime import datetime, timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.registrations import ConcernState, ConcernStatus
from contracts.registrations.exceptions.foundations import (
    InvalidRegistrationError,
    NotFoundRegistrationError,
    RegistrationValidationError,
)
from services.foundations.registrations import RegistrationService
from tests.unit.services.conftest import create_error_log_call
from tests.unit.services.foundations.registrations.conftest import create_random_registration


async def test_should_raise_validation_error_on_add_if_registration_is_invalid_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_registration = create_random_registration(faker, now)
    invalid_registration = random_registration.model_copy(
        update={
            "id": "x" * 36,
            "student_id": "y" * 36,
            "concerns": {},
            "updated_at": random_registration.created_at + timedelta(seconds=1),
            "settled_at": random_registration.created_at,
        }
    )
    expected_validation_error = RegistrationValidationError(
        InvalidRegistrationError(
            {
                "id": ["Id is not a valid UUID."],
                "student_id": ["Id is not a valid UUID."],
                "concerns": ["Concerns are required."],
                "updated_at": ["Date must be the same as created_at."],
                "settled_at": ["Date must be absent."],
            }
        )
    )

    # when
    with pytest.raises(RegistrationValidationError) as error_info:
        await registration_service.add_registration_if_absent(invalid_registration)

    # then
    assert error_info.value == expected_validation_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_validation_error)]


@pytest.mark.parametrize("invalid_key", ["$set", "concerns.student", "", "a" * 81])
async def test_should_raise_validation_error_on_modify_concern_if_key_is_invalid_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    invalid_key: str,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration_id = create_random_registration(faker, now).id
    input_concern_status = ConcernStatus(status=ConcernState.PERSISTED)
    expected_validation_error = RegistrationValidationError(
        InvalidRegistrationError({"concern_key": ["Concern key is not valid."]})
    )

    # when
    with pytest.raises(RegistrationValidationError) as error_info:
        await registration_service.modify_registration_concern_if_exists(
            input_registration_id, invalid_key, input_concern_status
        )

    # then
    assert error_info.value == expected_validation_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_validation_error)]


async def test_should_raise_validation_error_on_modify_concern_if_id_is_invalid_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    invalid_registration_id = faker.word()
    input_concern_key = faker.random_element(list(create_random_registration(faker, now).concerns))
    expected_validation_error = RegistrationValidationError(
        InvalidRegistrationError({"id": ["Id is not a valid UUID."]})
    )

    # when
    with pytest.raises(RegistrationValidationError) as error_info:
        await registration_service.modify_registration_concern_if_exists(
            invalid_registration_id, input_concern_key, ConcernStatus(status=ConcernState.PERSISTED)
        )

    # then
    assert error_info.value == expected_validation_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_validation_error)]


async def test_should_raise_validation_error_on_retrieve_if_id_is_invalid_and_log_it(
    *,
    faker: Faker,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    invalid_registration_id = faker.word()
    expected_validation_error = RegistrationValidationError(
        InvalidRegistrationError({"id": ["Id is not a valid UUID."]})
    )

    # when
    with pytest.raises(RegistrationValidationError) as error_info:
        await registration_service.retrieve_registration_by_id(invalid_registration_id)

    # then
    assert error_info.value == expected_validation_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_validation_error)]


async def test_should_raise_validation_error_on_retrieve_if_not_found_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration_id = create_random_registration(faker, now).id
    storage_broker.select_registration_by_id.return_value = None
    expected_validation_error = RegistrationValidationError(
        NotFoundRegistrationError(input_registration_id)
    )

    # when
    with pytest.raises(RegistrationValidationError) as error_info:
        await registration_service.retrieve_registration_by_id(input_registration_id)

    # then
    assert error_info.value == expected_validation_error
    assert storage_broker.mock_calls == [call.select_registration_by_id(input_registration_id)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_validation_error)]
