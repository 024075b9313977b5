from __future__ import annotations

from collections.abc import Callable
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, LocalizedError
from contracts.guardians.exceptions.foundations import (
    AlreadyExistsGuardianError,
    FailedGuardianServiceError,
    FailedGuardianStorageError,
    GuardianDependencyError,
    GuardianDependencyValidationError,
    GuardianServiceError,
    GuardianValidationError,
    InvalidGuardianError,
)
from contracts.guardians.exceptions.processings import (
    FailedGuardianProcessingServiceError,
    GuardianProcessingDependencyError,
    GuardianProcessingDependencyValidationError,
    GuardianProcessingServiceError,
)
from services.processings.guardians import GuardianProcessingService
from tests.unit.services.concerns.guardians import create_random_guardian
from tests.unit.services.conftest import create_error_log_call, create_random_id


def create_localized_errors(faker: Faker) -> dict[str, LocalizedError]:
    return {
        "invalid": InvalidGuardianError({"phone": [faker.sentence()]}),
        "already-exists": AlreadyExistsGuardianError(faker.sentence()),
        "failed-storage": FailedGuardianStorageError(faker.sentence()),
        "failed-service": FailedGuardianServiceError(faker.sentence()),
    }


@pytest.mark.parametrize(
    ("outer_error_type", "inner"),
    [
        pytest.param(GuardianValidationError, "invalid", id="validation"),
        pytest.param(GuardianDependencyValidationError, "already-exists", id="dependency-val"),
    ],
)
async def test_should_raise_dependency_validation_error_on_ensure_if_guardian_is_refused(
    *,
    faker: Faker,
    outer_error_type: type[CategorizedError],
    inner: str,
    guardian_processing_service: GuardianProcessingService,
    guardian_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_guardian = create_random_guardian(faker, create_random_id(faker))
    inner_error = create_localized_errors(faker)[inner]
    guardian_service.add_guardian_if_absent.side_effect = outer_error_type(inner_error)
    expected_error = GuardianProcessingDependencyValidationError(inner_error)

    # when
    with pytest.raises(GuardianProcessingDependencyValidationError) as error_info:
        await guardian_processing_service.ensure_guardian_exists(input_guardian)

    # then
    assert error_info.value == expected_error
    assert guardian_service.mock_calls == [call.add_guardian_if_absent(input_guardian)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_critical_dependency_error_on_ensure_if_dependency_error_occurs(
    *,
    faker: Faker,
    guardian_processing_service: GuardianProcessingService,
    guardian_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_guardian = create_random_guardian(faker, create_random_id(faker))
    inner_error = FailedGuardianStorageError(faker.sentence())
    guardian_service.add_guardian_if_absent.side_effect = GuardianDependencyError(inner_error)
    expected_error = GuardianProcessingDependencyError(inner_error)

    # when
    with pytest.raises(GuardianProcessingDependencyError) as error_info:
        await guardian_processing_service.ensure_guardian_exists(input_guardian)

    # then
    assert error_info.value == expected_error
    assert guardian_service.mock_calls == [call.add_guardian_if_absent(input_guardian)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


SERVICE_FAILURES = [
    pytest.param(
        lambda message: (
            GuardianServiceError(FailedGuardianServiceError(message)),
            FailedGuardianServiceError(message),
        ),
        id="downstream-service-error",
    ),
    pytest.param(
        lambda message: (
            RuntimeError(message),
            FailedGuardianProcessingServiceError("RuntimeError"),
        ),
        id="unexpected-error",
    ),
]


@pytest.mark.parametrize("create_failure", SERVICE_FAILURES)
async def test_should_raise_service_error_on_ensure_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    create_failure: Callable[[str], tuple[Exception, LocalizedError]],
    guardian_processing_service: GuardianProcessingService,
    guardian_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_guardian = create_random_guardian(faker, create_random_id(faker))
    raised_error, inner_error = create_failure(faker.sentence())
    guardian_service.add_guardian_if_absent.side_effect = raised_error
    expected_error = GuardianProcessingServiceError(inner_error)

    # when
    with pytest.raises(GuardianProcessingServiceError) as error_info:
        await guardian_processing_service.ensure_guardian_exists(input_guardian)

    # then
    assert error_info.value == expected_error
    assert guardian_service.mock_calls == [call.add_guardian_if_absent(input_guardian)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
