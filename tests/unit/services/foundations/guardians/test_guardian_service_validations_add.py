from __future__ import annotations

from collections.abc import Awaitable, Callable
from unittest.mock import Mock

import pytest
from faker import Faker

from contracts.guardians import Guardian
from contracts.guardians.exceptions.foundations import (
    GuardianValidationError,
    InvalidGuardianError,
)
from services.foundations.guardians import GuardianService
from tests.unit.services.concerns.guardians import create_random_guardian
from tests.unit.services.conftest import create_error_log_call, create_random_id

NOT_E164 = "Phone must be an E.164 number, such as +14155552671."
NOT_VALID = "Phone is not a valid number."

INVALID_PHONES = [
    pytest.param("+1 415 555 2671", NOT_E164, id="spaces"),
    pytest.param("14155552671", NOT_E164, id="no-plus"),
    pytest.param("+1(415)5552671", NOT_E164, id="parentheses"),
    pytest.param("+14155552671x12", NOT_E164, id="extension"),
    pytest.param("phone", NOT_E164, id="words"),
    pytest.param("+1415555267", NOT_VALID, id="too-short"),
    pytest.param("+4420718387500", NOT_VALID, id="too-long"),
    pytest.param("+999123456", NOT_VALID, id="unknown-country-code"),
    pytest.param("+4402071838750", NOT_E164, id="national-trunk-prefix"),
    pytest.param("+0123456789", NOT_E164, id="country-code-zero"),
]

Add = Callable[[GuardianService, Guardian], Awaitable[Guardian]]
ADDS = [
    pytest.param(GuardianService.add_guardian, id="add"),
    pytest.param(GuardianService.add_guardian_if_absent, id="add-if-absent"),
]


@pytest.mark.parametrize("add", ADDS)
@pytest.mark.parametrize("blank_text", ["", " ", "\t\n "])
async def test_should_raise_validation_error_on_add_if_guardian_is_invalid_and_log_it(
    *,
    faker: Faker,
    add: Add,
    blank_text: str,
    guardian_service: GuardianService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_guardian = create_random_guardian(faker, create_random_id(faker))
    # model_construct skips the contract's own checks, as a caller holding a bad model would.
    invalid_guardian = Guardian.model_construct(
        **random_guardian.model_dump()
        | {
            "id": faker.word(),
            "student_id": faker.word(),
            "first_name": blank_text,
            "last_name": blank_text,
            "phone": blank_text,
        }
    )
    expected_error = GuardianValidationError(
        InvalidGuardianError(
            {
                "id": ["Id is not a valid UUID."],
                "student_id": ["Id is not a valid UUID."],
                "first_name": ["Text is required."],
                "last_name": ["Text is required."],
                "phone": [NOT_E164],
            }
        )
    )

    # when
    with pytest.raises(GuardianValidationError) as error_info:
        await add(guardian_service, invalid_guardian)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("add", ADDS)
@pytest.mark.parametrize(("invalid_phone", "problem"), INVALID_PHONES)
async def test_should_raise_validation_error_on_add_if_phone_is_not_e164_and_log_it(
    *,
    faker: Faker,
    add: Add,
    invalid_phone: str,
    problem: str,
    guardian_service: GuardianService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_guardian = create_random_guardian(faker, create_random_id(faker))
    invalid_guardian = random_guardian.model_copy(update={"phone": invalid_phone})
    expected_error = GuardianValidationError(InvalidGuardianError({"phone": [problem]}))

    # when
    with pytest.raises(GuardianValidationError) as error_info:
        await add(guardian_service, invalid_guardian)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
