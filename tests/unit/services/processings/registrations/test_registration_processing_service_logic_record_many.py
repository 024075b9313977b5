"""Concern outcomes recorded in a batch: one write, one read, one settle per registration."""

from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.registrations import (
    ConcernChange,
    ConcernState,
    ConcernStatus,
    Registration,
    RegistrationStatus,
)
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

P = ConcernState.PERSISTED


def create_change(registration: Registration, key: str) -> ConcernChange:
    return ConcernChange(registration.id, key, ConcernStatus(status=P))


def completed(registration: Registration) -> Registration:
    return registration.model_copy(
        update={
            "status": RegistrationStatus.COMPLETED,
            "concerns": {key: ConcernStatus(status=P) for key in registration.concerns},
        }
    )


async def test_should_settle_a_registration_once_for_all_its_outcomes_in_a_batch(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: the last two outcomes of one registration, and one of a registration still pending
    settling, pending = (create_random_registration(faker, now) for _ in range(2))
    first_key, last_key = list(settling.concerns)[:2]
    input_changes = [
        create_change(settling, first_key),
        create_change(pending, next(iter(pending.concerns))),
        create_change(settling, last_key),
    ]
    stored_settling = completed(settling)
    settled = stored_settling.model_copy(update={"settled_at": now})
    registration_service.modify_registration_concerns_if_exist.return_value = [True] * 3
    registration_service.retrieve_registrations_by_ids.return_value = [stored_settling, pending]
    registration_service.modify_registrations_settled_if_unsettled.return_value = [settled]

    # when
    actual_results = await registration_processing_service.record_concern_outcomes(input_changes)

    # then: only the first outcome of the settling registration is told it settled it
    assert actual_results == [settled, None, None]
    assert registration_service.mock_calls == [
        call.modify_registration_concerns_if_exist(input_changes),
        call.retrieve_registrations_by_ids([settling.id, pending.id]),
        call.modify_registrations_settled_if_unsettled([stored_settling]),
    ]
    assert logging_broker.mock_calls == []


async def test_should_answer_each_unrecorded_outcome_with_its_own_error(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: an unexpected concern, an unknown registration, the store away for the write
    known, unknown, unavailable = (create_random_registration(faker, now) for _ in range(3))
    input_changes = [
        create_change(known, "unexpected"),
        create_change(unknown, next(iter(unknown.concerns))),
        create_change(unavailable, next(iter(unavailable.concerns))),
    ]
    storage_error = RegistrationDependencyError(FailedRegistrationStorageError("ConnectionFailure"))
    not_found_error = RegistrationValidationError(NotFoundRegistrationError(unknown.id))
    registration_service.modify_registration_concerns_if_exist.return_value = [
        False,
        False,
        storage_error,
    ]
    registration_service.retrieve_registrations_by_ids.return_value = [known, not_found_error]
    expected_unexpected = RegistrationProcessingValidationError(
        NotFoundRegistrationConcernError(known.id, "unexpected")
    )
    expected_unknown = RegistrationProcessingDependencyValidationError(not_found_error.inner_error)
    expected_unavailable = RegistrationProcessingDependencyError(storage_error.inner_error)

    # when
    actual_results = await registration_processing_service.record_concern_outcomes(input_changes)

    # then
    assert actual_results == [expected_unexpected, expected_unknown, expected_unavailable]
    assert registration_service.mock_calls == [
        call.modify_registration_concerns_if_exist(input_changes),
        call.retrieve_registrations_by_ids([known.id, unknown.id]),
    ]
    assert logging_broker.mock_calls == [
        create_error_log_call(expected_unexpected),
        create_error_log_call(expected_unknown),
        create_error_log_call(expected_unavailable),
    ]
