from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.immunizations.exceptions.processings import (
    ConflictingImmunizationError,
    ImmunizationProcessingDependencyValidationError,
)
from services.processings.immunizations import ImmunizationProcessingService
from tests.unit.services.concerns.immunizations import create_random_immunization
from tests.unit.services.conftest import create_error_log_call, create_random_id


async def test_should_ensure_immunization_exists(
    *,
    faker: Faker,
    now: datetime,
    immunization_processing_service: ImmunizationProcessingService,
    immunization_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    input_immunization = random_immunization
    stored_immunization = input_immunization.model_copy(deep=True)
    expected_immunization = stored_immunization
    immunization_service.add_immunization_if_absent.return_value = stored_immunization

    # when
    actual_immunization = await immunization_processing_service.ensure_immunization_exists(
        input_immunization
    )

    # then
    assert actual_immunization == expected_immunization
    assert actual_immunization is stored_immunization
    assert immunization_service.mock_calls == [call.add_immunization_if_absent(input_immunization)]
    assert logging_broker.mock_calls == []


async def test_should_raise_dependency_validation_error_on_ensure_if_immunization_conflicts(
    *,
    faker: Faker,
    now: datetime,
    immunization_processing_service: ImmunizationProcessingService,
    immunization_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    stored_immunization = create_random_immunization(
        faker, input_immunization.student_id, now.date()
    ).model_copy(update={"id": input_immunization.id})
    immunization_service.add_immunization_if_absent.return_value = stored_immunization
    expected_error = ImmunizationProcessingDependencyValidationError(
        ConflictingImmunizationError(input_immunization.id)
    )

    # when
    with pytest.raises(ImmunizationProcessingDependencyValidationError) as error_info:
        await immunization_processing_service.ensure_immunization_exists(input_immunization)

    # then
    assert error_info.value == expected_error
    assert immunization_service.mock_calls == [call.add_immunization_if_absent(input_immunization)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
