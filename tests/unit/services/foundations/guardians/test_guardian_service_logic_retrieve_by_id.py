from __future__ import annotations

from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.guardians.exceptions.foundations import (
    GuardianValidationError,
    InvalidGuardianError,
    NotFoundGuardianError,
)
from services.foundations.guardians import GuardianService
from tests.unit.services.concerns.guardians import (
    create_guardian_document,
    create_random_guardian,
)
from tests.unit.services.conftest import create_error_log_call, create_random_id


async def test_should_retrieve_guardian_by_id(
    *,
    faker: Faker,
    guardian_service: GuardianService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_guardian = create_random_guardian(faker, create_random_id(faker))
    input_guardian_id = random_guardian.id
    storage_broker.select_guardian_by_id.return_value = create_guardian_document(random_guardian)
    expected_guardian = random_guardian

    # when
    actual_guardian = await guardian_service.retrieve_guardian_by_id(input_guardian_id)

    # then
    assert actual_guardian == expected_guardian
    assert storage_broker.mock_calls == [call.select_guardian_by_id(input_guardian_id)]
    assert logging_broker.mock_calls == []


async def test_should_raise_validation_error_on_retrieve_by_id_if_id_is_invalid_and_log_it(
    *,
    faker: Faker,
    guardian_service: GuardianService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    invalid_guardian_id = faker.word()
    expected_error = GuardianValidationError(
        InvalidGuardianError({"id": ["Id is not a valid UUID."]})
    )

    # when
    with pytest.raises(GuardianValidationError) as error_info:
        await guardian_service.retrieve_guardian_by_id(invalid_guardian_id)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_validation_error_on_retrieve_by_id_if_not_found_and_log_it(
    *,
    faker: Faker,
    guardian_service: GuardianService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_guardian_id = create_random_id(faker)
    storage_broker.select_guardian_by_id.return_value = None
    expected_error = GuardianValidationError(NotFoundGuardianError(input_guardian_id))

    # when
    with pytest.raises(GuardianValidationError) as error_info:
        await guardian_service.retrieve_guardian_by_id(input_guardian_id)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [call.select_guardian_by_id(input_guardian_id)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
