"""Concern changes of many registrations in one ledger write, each answered in its place."""

from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from brokers.storages.errors import OperationFailure, storage_failure_of
from brokers.storages.storage_broker import FieldsUpdate
from contracts.registrations import ConcernChange, ConcernState, ConcernStatus
from contracts.registrations.exceptions.foundations import (
    FailedRegistrationServiceError,
    NotFoundRegistrationError,
    RegistrationServiceError,
    RegistrationValidationError,
)
from services.foundations.registrations import RegistrationService
from tests.unit.services.conftest import create_error_log_call, create_random_message
from tests.unit.services.foundations.registrations.conftest import (
    create_random_registration,
    create_registration_document,
    create_timestamp,
)


def create_random_change(faker: Faker, now: datetime) -> ConcernChange:
    registration = create_random_registration(faker, now)
    return ConcernChange(
        registration.id,
        faker.random_element(list(registration.concerns)),
        ConcernStatus(status=ConcernState.FAILED, reason=faker.sentence()),
    )


def create_expected_update(change: ConcernChange, now: datetime) -> FieldsUpdate:
    return FieldsUpdate(
        change.registration_id,
        {
            f"concerns.{change.concern_key}": {
                "status": change.concern_status.status.value,
                "reason": change.concern_status.reason,
            },
            "updated_at": create_timestamp(now),
        },
        required_field=f"concerns.{change.concern_key}",
    )


async def test_should_modify_each_concern_and_keep_each_answer_in_its_place(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given: written, an invalid id (never written), nothing matched, refused by the store
    written, invalid, unmatched, refused = input_changes = [
        create_random_change(faker, now) for _ in range(4)
    ]
    input_changes[1] = invalid = ConcernChange(" ", invalid.concern_key, invalid.concern_status)
    write_error = OperationFailure(create_random_message(faker), code=28)
    storage_broker.update_registrations_fields.return_value = [True, False, write_error]
    expected_service_error = RegistrationServiceError(
        FailedRegistrationServiceError(storage_failure_of(write_error))
    )

    # when
    actual_results = await registration_service.modify_registration_concerns_if_exist(input_changes)

    # then: one clock read and one write for the batch
    actual_validation_error = actual_results[1]
    assert isinstance(actual_validation_error, RegistrationValidationError)
    assert actual_results == [True, actual_validation_error, False, expected_service_error]
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert storage_broker.mock_calls == [
        call.update_registrations_fields(
            [create_expected_update(change, now) for change in (written, unmatched, refused)]
        )
    ]
    assert logging_broker.mock_calls == [
        create_error_log_call(actual_validation_error),
        create_error_log_call(expected_service_error),
    ]


async def test_should_not_call_storage_if_every_change_is_invalid(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
) -> None:
    # given
    change = create_random_change(faker, now)
    input_changes = [ConcernChange(change.registration_id, "no.dots", change.concern_status)]

    # when
    actual_results = await registration_service.modify_registration_concerns_if_exist(input_changes)

    # then
    assert len(actual_results) == 1
    assert isinstance(actual_results[0], RegistrationValidationError)
    assert storage_broker.mock_calls == []


async def test_should_retrieve_registrations_by_ids_in_one_read_each_in_its_place(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
) -> None:
    # given: one stored, one unknown, one invalid id (never asked for)
    stored = create_random_registration(faker, now)
    unknown_id = create_random_registration(faker, now).id
    storage_broker.select_registrations_by_ids.return_value = {
        stored.id: create_registration_document(stored)
    }

    # when
    actual_results = await registration_service.retrieve_registrations_by_ids(
        [stored.id, unknown_id, " "]
    )

    # then
    assert actual_results[0] == stored
    assert actual_results[1] == RegistrationValidationError(NotFoundRegistrationError(unknown_id))
    assert isinstance(actual_results[2], RegistrationValidationError)
    assert storage_broker.mock_calls == [call.select_registrations_by_ids([stored.id, unknown_id])]
