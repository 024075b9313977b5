"""Concern outcomes recorded in a batch: one write, and a read only for those not written."""

from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.registrations import ConcernChange, ConcernState, ConcernStatus
from contracts.registrations.exceptions.foundations import (
    FailedRegistrationStorageError,
    NotFoundRegistrationError,
    RegistrationDependencyError,
    RegistrationValidationError,
)
from contracts.registrations.exceptions.processings import (
    NotFoundRegistrationConcernError,
    RegistrationProcessingDependencyError,
    RegistrationProcessingDependencyValidationError,
    RegistrationProcessingValidationError,
)
from services.processings.registrations import RegistrationProcessingService
from tests.unit.services.conftest import create_error_log_call
from tests.unit.services.foundations.registrations.conftest import create_random_registration


def create_random_change(faker: Faker, now: datetime) -> ConcernChange:
    registration = create_random_registration(faker, now)
    return ConcernChange(
        registration.id,
        faker.random_element(list(registration.concerns)),
        ConcernStatus(status=ConcernState.PERSISTED),
    )


async def test_should_record_each_outcome_and_explain_each_unrecorded_one_alone(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: written, an unexpected concern, an unknown registration, the store away
    _, unexpected, unknown, _ = input_changes = [create_random_change(faker, now) for _ in range(4)]
    storage_error = RegistrationDependencyError(FailedRegistrationStorageError("ConnectionFailure"))
    not_found_error = RegistrationValidationError(
        NotFoundRegistrationError(unknown.registration_id)
    )
    registration_service.modify_registration_concerns_if_exist.return_value = [
        True,
        False,
        False,
        storage_error,
    ]
    registration_service.retrieve_registration_by_id.side_effect = [
        create_random_registration(faker, now),
        not_found_error,
    ]
    expected_unexpected = RegistrationProcessingValidationError(
        NotFoundRegistrationConcernError(unexpected.registration_id, unexpected.concern_key)
    )
    expected_unknown = RegistrationProcessingDependencyValidationError(not_found_error.inner_error)
    expected_unavailable = RegistrationProcessingDependencyError(storage_error.inner_error)

    # when
    actual_results = await registration_processing_service.record_concern_outcomes(input_changes)

    # then
    assert actual_results == [None, expected_unexpected, expected_unknown, expected_unavailable]
    assert registration_service.mock_calls == [
        call.modify_registration_concerns_if_exist(input_changes),
        call.retrieve_registration_by_id(unexpected.registration_id),
        call.retrieve_registration_by_id(unknown.registration_id),
    ]
    assert logging_broker.mock_calls == [
        create_error_log_call("error", expected_unexpected),
        create_error_log_call("error", expected_unknown),
        create_error_log_call("critical", expected_unavailable),
    ]
