from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from unittest.mock import Mock, _Call, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, ErrorCategory, LocalizedError
from contracts.registrations import ConcernChange, ConcernState, ConcernStatus
from contracts.registrations.exceptions.foundations import (
    AlreadyExistsRegistrationError,
    FailedRegistrationServiceError,
    FailedRegistrationStorageError,
    NotFoundRegistrationError,
    RegistrationDependencyError,
    RegistrationDependencyValidationError,
    RegistrationServiceError,
    RegistrationValidationError,
)
from contracts.registrations.exceptions.processings import (
    FailedRegistrationProcessingServiceError,
    RegistrationProcessingDependencyError,
    RegistrationProcessingDependencyValidationError,
    RegistrationProcessingServiceError,
)
from services.processings.registrations import RegistrationProcessingService
from tests.unit.services.conftest import create_error_log_call, create_random_message
from tests.unit.services.foundations.registrations.conftest import create_random_registration

# An outcome for a registration the ledger doesn't know is refused below: dead-lettered above.
DEPENDENCY_VALIDATION_ERRORS = [
    pytest.param(
        lambda message: RegistrationValidationError(NotFoundRegistrationError(message)),
        id="RegistrationValidationError",
    ),
    pytest.param(
        lambda message: RegistrationDependencyValidationError(
            AlreadyExistsRegistrationError(message)
        ),
        id="RegistrationDependencyValidationError",
    ),
]


# Which call fails: the conditional update, or the read after it found nothing to update.
FAILING_CALLS = ["modify", "retrieve"]


def arrange_failure(
    registration_service: Mock,
    input_registration_id: str,
    input_concern_status: ConcernStatus,
    failing_call: str,
    error: Exception,
) -> list[_Call]:
    """Make ``failing_call`` answer ``error``; returns the calls expected up to it."""
    modify_call = call.modify_registration_concerns_if_exist(
        [ConcernChange(input_registration_id, "student", input_concern_status)]
    )
    if failing_call == "modify":
        registration_service.modify_registration_concerns_if_exist.return_value = [error]
        return [modify_call]
    registration_service.modify_registration_concerns_if_exist.return_value = [False]
    registration_service.retrieve_registrations_by_ids.return_value = [error]
    return [modify_call, call.retrieve_registrations_by_ids([input_registration_id])]


@pytest.mark.parametrize("failing_call", FAILING_CALLS)
@pytest.mark.parametrize("create_registration_error", DEPENDENCY_VALIDATION_ERRORS)
async def test_should_raise_dependency_validation_error_on_record_if_refused_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    failing_call: str,
    create_registration_error: Callable[[str], CategorizedError],
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration_id = create_random_registration(faker, now).id
    input_concern_status = ConcernStatus(status=ConcernState.PERSISTED)
    registration_error = create_registration_error(create_random_message(faker))
    expected_calls = arrange_failure(
        registration_service,
        input_registration_id,
        input_concern_status,
        failing_call,
        registration_error,
    )
    expected_error = RegistrationProcessingDependencyValidationError(registration_error.inner_error)

    # when
    [actual_error] = await registration_processing_service.record_concern_outcomes(
        [ConcernChange(input_registration_id, "student", input_concern_status)]
    )

    # then
    assert actual_error == expected_error
    assert isinstance(actual_error, RegistrationProcessingDependencyValidationError)
    assert actual_error.__cause__ is registration_error
    assert registration_service.mock_calls == expected_calls
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_dependency_error_on_ensure_if_dependency_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration = create_random_registration(faker, now)
    failed_storage_error = FailedRegistrationStorageError(create_random_message(faker))
    registration_error = RegistrationDependencyError(failed_storage_error)
    # The batch write answers the registration's place with the error (the store is away).
    registration_service.add_registrations_if_absent.return_value = [registration_error]
    expected_error = RegistrationProcessingDependencyError(failed_storage_error)

    # when
    with pytest.raises(RegistrationProcessingDependencyError) as error_info:
        await registration_processing_service.ensure_registration_recorded(input_registration)

    # then
    assert error_info.value == expected_error
    assert error_info.value.__cause__ is registration_error
    assert registration_service.mock_calls == [
        call.add_registrations_if_absent([input_registration])
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_to_each_concurrent_ensure_only_its_own_error_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: of three recorded in one write, the second is refused alone
    input_registrations = [create_random_registration(faker, now) for _ in range(3)]
    already_exists_error = AlreadyExistsRegistrationError(create_random_message(faker))
    registration_error = RegistrationDependencyValidationError(already_exists_error)
    registration_service.add_registrations_if_absent.return_value = [
        input_registrations[0],
        registration_error,
        input_registrations[2],
    ]
    expected_error = RegistrationProcessingDependencyValidationError(already_exists_error)

    # when
    actual_results = await asyncio.gather(
        *(
            registration_processing_service.ensure_registration_recorded(registration)
            for registration in input_registrations
        ),
        return_exceptions=True,
    )

    # then
    assert actual_results == [input_registrations[0], expected_error, input_registrations[2]]
    assert isinstance(actual_results[1], RegistrationProcessingDependencyValidationError)
    assert actual_results[1].__cause__ is registration_error
    assert registration_service.mock_calls == [
        call.add_registrations_if_absent(input_registrations)
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


def create_registration_service_error(message: str) -> tuple[Exception, LocalizedError]:
    failed_service_error = FailedRegistrationServiceError(message)
    return RegistrationServiceError(failed_service_error), failed_service_error


def create_unexpected_error(message: str) -> tuple[Exception, LocalizedError]:
    unexpected_error = RuntimeError(message)
    return unexpected_error, FailedRegistrationProcessingServiceError(
        type(unexpected_error).__name__
    )


@pytest.mark.parametrize(
    ("create_error_and_inner_error", "expected_type"),
    [
        pytest.param(
            create_registration_service_error,
            RegistrationProcessingDependencyError,
            id="RegistrationServiceError",
        ),
        pytest.param(
            create_unexpected_error, RegistrationProcessingServiceError, id="RuntimeError"
        ),
    ],
)
async def test_should_raise_error_rooted_in_a_service_error_on_ensure_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_error_and_inner_error: Callable[[str], tuple[Exception, LocalizedError]],
    expected_type: Callable[[LocalizedError], CategorizedError],
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration = create_random_registration(faker, now)
    service_error, inner_error = create_error_and_inner_error(create_random_message(faker))
    # The batch write itself raises.
    registration_service.add_registrations_if_absent.side_effect = service_error
    expected_error = expected_type(inner_error)

    # when
    with pytest.raises(CategorizedError) as error_info:
        await registration_processing_service.ensure_registration_recorded(input_registration)

    # then: a service error below is this service's dependency error, rooted in it
    assert error_info.value == expected_error
    assert error_info.value.root_category is ErrorCategory.SERVICE
    assert error_info.value.__cause__ is service_error
    assert registration_service.mock_calls == [
        call.add_registrations_if_absent([input_registration])
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
