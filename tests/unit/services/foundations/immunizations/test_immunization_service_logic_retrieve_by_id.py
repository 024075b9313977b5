from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.immunizations.exceptions.foundations import (
    ImmunizationValidationError,
    InvalidImmunizationError,
    NotFoundImmunizationError,
)
from services.foundations.immunizations import ImmunizationService
from tests.unit.services.concerns.immunizations import (
    create_immunization_document,
    create_random_immunization,
)
from tests.unit.services.conftest import create_error_log_call, create_random_id


async def test_should_retrieve_immunization_by_id(
    *,
    faker: Faker,
    now: datetime,
    immunization_service: ImmunizationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    input_immunization_id = random_immunization.id
    storage_broker.select_immunization_by_id.return_value = create_immunization_document(
        random_immunization
    )
    expected_immunization = random_immunization

    # when
    actual_immunization = await immunization_service.retrieve_immunization_by_id(
        input_immunization_id
    )

    # then
    assert actual_immunization == expected_immunization
    assert storage_broker.mock_calls == [call.select_immunization_by_id(input_immunization_id)]
    assert logging_broker.mock_calls == []


async def test_should_raise_validation_error_on_retrieve_by_id_if_id_is_invalid_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    immunization_service: ImmunizationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    invalid_immunization_id = faker.word()
    expected_error = ImmunizationValidationError(
        InvalidImmunizationError({"id": ["Id is not a valid UUID."]})
    )

    # when
    with pytest.raises(ImmunizationValidationError) as error_info:
        await immunization_service.retrieve_immunization_by_id(invalid_immunization_id)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_validation_error_on_retrieve_by_id_if_not_found_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    immunization_service: ImmunizationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_immunization_id = create_random_id(faker)
    storage_broker.select_immunization_by_id.return_value = None
    expected_error = ImmunizationValidationError(NotFoundImmunizationError(input_immunization_id))

    # when
    with pytest.raises(ImmunizationValidationError) as error_info:
        await immunization_service.retrieve_immunization_by_id(input_immunization_id)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [call.select_immunization_by_id(input_immunization_id)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
