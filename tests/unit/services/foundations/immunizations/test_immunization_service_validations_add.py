from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.immunizations import Immunization
from contracts.immunizations.exceptions.foundations import (
    ImmunizationValidationError,
    InvalidImmunizationError,
)
from services.foundations.immunizations import ImmunizationService
from tests.unit.services.concerns.immunizations import create_random_immunization
from tests.unit.services.conftest import create_error_log_call, create_random_id

Add = Callable[[ImmunizationService, Immunization], Awaitable[Immunization]]
ADDS = [
    pytest.param(ImmunizationService.add_immunization, id="add"),
    pytest.param(ImmunizationService.add_immunization_if_absent, id="add-if-absent"),
]


@pytest.mark.parametrize("add", ADDS)
@pytest.mark.parametrize("blank_text", ["", " ", "\t\n "])
async def test_should_raise_validation_error_on_add_if_immunization_is_invalid_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    add: Add,
    blank_text: str,
    immunization_service: ImmunizationService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    # model_construct skips the contract's own checks, as a caller holding a bad model would.
    invalid_immunization = Immunization.model_construct(
        **random_immunization.model_dump()
        | {
            "id": faker.word(),
            "student_id": faker.word(),
            "vaccine": blank_text,
            "administered_on": now.date(),
        }
    )
    expected_error = ImmunizationValidationError(
        InvalidImmunizationError(
            {
                "id": ["Id is not a valid UUID."],
                "student_id": ["Id is not a valid UUID."],
                "vaccine": ["Text is required."],
                "administered_on": ["Date must be in the past."],
            }
        )
    )

    # when
    with pytest.raises(ImmunizationValidationError) as error_info:
        await add(immunization_service, invalid_immunization)

    # then
    assert error_info.value == expected_error
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("add", ADDS)
@pytest.mark.parametrize("days_ahead", [0, 1, 365 * 10])
async def test_should_raise_validation_error_on_add_if_administered_on_is_not_past_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    add: Add,
    days_ahead: int,
    immunization_service: ImmunizationService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given: "today" is the date-time broker's, never the machine's
    random_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    invalid_immunization = random_immunization.model_copy(
        update={"administered_on": now.date() + timedelta(days=days_ahead)}
    )
    expected_error = ImmunizationValidationError(
        InvalidImmunizationError({"administered_on": ["Date must be in the past."]})
    )

    # when
    with pytest.raises(ImmunizationValidationError) as error_info:
        await add(immunization_service, invalid_immunization)

    # then
    assert error_info.value == expected_error
    assert date_time_broker.mock_calls == [call.get_current_date()]
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
