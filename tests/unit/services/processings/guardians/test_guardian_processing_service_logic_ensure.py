from __future__ import annotations

from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.guardians.exceptions.processings import (
    ConflictingGuardianError,
    GuardianProcessingDependencyValidationError,
)
from services.processings.guardians import GuardianProcessingService
from tests.unit.services.concerns.guardians import create_random_guardian
from tests.unit.services.conftest import create_error_log_call, create_random_id


async def test_should_ensure_guardian_exists(
    *,
    faker: Faker,
    guardian_processing_service: GuardianProcessingService,
    guardian_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_guardian = create_random_guardian(faker, create_random_id(faker))
    input_guardian = random_guardian
    stored_guardian = input_guardian.model_copy(deep=True)
    expected_guardian = stored_guardian
    guardian_service.add_guardian_if_absent.return_value = stored_guardian

    # when
    actual_guardian = await guardian_processing_service.ensure_guardian_exists(input_guardian)

    # then
    assert actual_guardian == expected_guardian
    assert actual_guardian is stored_guardian
    assert guardian_service.mock_calls == [call.add_guardian_if_absent(input_guardian)]
    assert logging_broker.mock_calls == []


async def test_should_raise_dependency_validation_error_on_ensure_if_guardian_conflicts(
    *,
    faker: Faker,
    guardian_processing_service: GuardianProcessingService,
    guardian_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_guardian = create_random_guardian(faker, create_random_id(faker))
    stored_guardian = create_random_guardian(faker, input_guardian.student_id).model_copy(
        update={"id": input_guardian.id}
    )
    guardian_service.add_guardian_if_absent.return_value = stored_guardian
    expected_error = GuardianProcessingDependencyValidationError(
        ConflictingGuardianError(input_guardian.id)
    )

    # when
    with pytest.raises(GuardianProcessingDependencyValidationError) as error_info:
        await guardian_processing_service.ensure_guardian_exists(input_guardian)

    # then
    assert error_info.value == expected_error
    assert guardian_service.mock_calls == [call.add_guardian_if_absent(input_guardian)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
