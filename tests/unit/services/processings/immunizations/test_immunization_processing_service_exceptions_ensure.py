from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, LocalizedError
from contracts.immunizations.exceptions.foundations import (
    AlreadyExistsImmunizationError,
    FailedImmunizationServiceError,
    FailedImmunizationStorageError,
    ImmunizationDependencyError,
    ImmunizationDependencyValidationError,
    ImmunizationServiceError,
    ImmunizationValidationError,
    InvalidImmunizationError,
)
from contracts.immunizations.exceptions.processings import (
    FailedImmunizationProcessingServiceError,
    ImmunizationProcessingDependencyError,
    ImmunizationProcessingDependencyValidationError,
    ImmunizationProcessingServiceError,
)
from services.processings.immunizations import ImmunizationProcessingService
from tests.unit.services.concerns.immunizations import create_random_immunization
from tests.unit.services.conftest import create_error_log_call, create_random_id


def create_localized_errors(faker: Faker) -> dict[str, LocalizedError]:
    return {
        "invalid": InvalidImmunizationError({"administered_on": [faker.sentence()]}),
        "already-exists": AlreadyExistsImmunizationError(faker.sentence()),
        "failed-storage": FailedImmunizationStorageError(faker.sentence()),
        "failed-service": FailedImmunizationServiceError(faker.sentence()),
    }


@pytest.mark.parametrize(
    ("outer_error_type", "inner"),
    [
        pytest.param(ImmunizationValidationError, "invalid", id="validation"),
        pytest.param(ImmunizationDependencyValidationError, "already-exists", id="dependency-val"),
    ],
)
async def test_should_raise_dependency_validation_error_on_ensure_if_immunization_is_refused(
    *,
    faker: Faker,
    now: datetime,
    outer_error_type: type[CategorizedError],
    inner: str,
    immunization_processing_service: ImmunizationProcessingService,
    immunization_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    inner_error = create_localized_errors(faker)[inner]
    immunization_service.add_immunization_if_absent.side_effect = outer_error_type(inner_error)
    expected_error = ImmunizationProcessingDependencyValidationError(inner_error)

    # when
    with pytest.raises(ImmunizationProcessingDependencyValidationError) as error_info:
        await immunization_processing_service.ensure_immunization_exists(input_immunization)

    # then
    assert error_info.value == expected_error
    assert immunization_service.mock_calls == [call.add_immunization_if_absent(input_immunization)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_critical_dependency_error_on_ensure_if_dependency_error_occurs(
    *,
    faker: Faker,
    now: datetime,
    immunization_processing_service: ImmunizationProcessingService,
    immunization_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    inner_error = FailedImmunizationStorageError(faker.sentence())
    immunization_service.add_immunization_if_absent.side_effect = ImmunizationDependencyError(
        inner_error
    )
    expected_error = ImmunizationProcessingDependencyError(inner_error)

    # when
    with pytest.raises(ImmunizationProcessingDependencyError) as error_info:
        await immunization_processing_service.ensure_immunization_exists(input_immunization)

    # then
    assert error_info.value == expected_error
    assert immunization_service.mock_calls == [call.add_immunization_if_absent(input_immunization)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


SERVICE_FAILURES = [
    pytest.param(
        lambda message: (
            ImmunizationServiceError(FailedImmunizationServiceError(message)),
            FailedImmunizationServiceError(message),
        ),
        id="downstream-service-error",
    ),
    pytest.param(
        lambda message: (
            RuntimeError(message),
            FailedImmunizationProcessingServiceError("RuntimeError"),
        ),
        id="unexpected-error",
    ),
]


@pytest.mark.parametrize("create_failure", SERVICE_FAILURES)
async def test_should_raise_service_error_on_ensure_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_failure: Callable[[str], tuple[Exception, LocalizedError]],
    immunization_processing_service: ImmunizationProcessingService,
    immunization_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_immunization = create_random_immunization(faker, create_random_id(faker), now.date())
    raised_error, inner_error = create_failure(faker.sentence())
    immunization_service.add_immunization_if_absent.side_effect = raised_error
    expected_error = ImmunizationProcessingServiceError(inner_error)

    # when
    with pytest.raises(ImmunizationProcessingServiceError) as error_info:
        await immunization_processing_service.ensure_immunization_exists(input_immunization)

    # then
    assert error_info.value == expected_error
    assert immunization_service.mock_calls == [call.add_immunization_if_absent(input_immunization)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
