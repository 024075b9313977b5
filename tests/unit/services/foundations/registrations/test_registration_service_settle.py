from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.storages.errors import storage_failure_of
from contracts.registrations import ConcernState, RegistrationStatus
from contracts.registrations.exceptions.foundations import (
    FailedRegistrationStorageError,
    InvalidRegistrationError,
    RegistrationDependencyError,
    RegistrationValidationError,
)
from services.foundations.registrations import RegistrationService
from tests.unit.services.conftest import create_error_log_call, create_random_message
from tests.unit.services.foundations.registrations.conftest import (
    STORAGE_UNAVAILABLE_ERRORS,
    StorageErrorFactory,
    create_random_registration,
    create_timestamp,
)

P, F = ConcernState.PERSISTED, ConcernState.FAILED
SETTLED = [
    pytest.param({"student": P, "contact": P}, RegistrationStatus.COMPLETED, id="completed"),
    pytest.param({"student": F, "contact": P}, RegistrationStatus.FAILED, id="failed"),
]


@pytest.mark.parametrize(("states", "status"), SETTLED)
async def test_should_modify_registration_settled_if_unsettled(
    *,
    faker: Faker,
    now: datetime,
    states: dict[str, ConcernState],
    status: RegistrationStatus,
    registration_service: RegistrationService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration = create_random_registration(faker, now, states=states, status=status)
    storage_broker.update_registration_fields.return_value = True
    expected_registration = input_registration.model_copy(update={"settled_at": now})

    # when
    actual_registration = await registration_service.modify_registration_settled_if_unsettled(
        input_registration
    )

    # then: written only where no settled_at is stored yet, so one caller alone gets it back
    assert actual_registration == expected_registration
    assert actual_registration is not input_registration
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert storage_broker.mock_calls == [
        call.update_registration_fields(
            input_registration.id,
            {"settled_at": create_timestamp(now)},
            absent_field="settled_at",
        )
    ]
    assert logging_broker.mock_calls == []


async def test_should_return_nothing_if_registration_was_settled_already(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration = create_random_registration(
        faker, now, states={"student": P}, status=RegistrationStatus.COMPLETED
    )
    storage_broker.update_registration_fields.return_value = False

    # when
    actual_registration = await registration_service.modify_registration_settled_if_unsettled(
        input_registration
    )

    # then
    assert actual_registration is None
    assert [name for name, _, _ in storage_broker.mock_calls] == ["update_registration_fields"]
    assert logging_broker.mock_calls == []


async def test_should_raise_validation_error_on_settle_if_registration_is_pending_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_registration = create_random_registration(faker, now)
    input_registration = random_registration.model_copy(update={"settled_at": now})
    expected_error = RegistrationValidationError(
        InvalidRegistrationError(
            {
                "status": ["Status must be completed or failed."],
                "settled_at": ["Date must be absent."],
            }
        )
    )

    # when
    with pytest.raises(RegistrationValidationError) as error_info:
        await registration_service.modify_registration_settled_if_unsettled(input_registration)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("create_storage_error", STORAGE_UNAVAILABLE_ERRORS)
async def test_should_raise_dependency_error_on_settle_if_unavailable_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_storage_error: StorageErrorFactory,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration = create_random_registration(
        faker, now, states={"student": P}, status=RegistrationStatus.COMPLETED
    )
    storage_error = create_storage_error(create_random_message(faker))
    storage_broker.update_registration_fields.side_effect = storage_error
    expected_error = RegistrationDependencyError(
        FailedRegistrationStorageError(storage_failure_of(storage_error))
    )

    # when
    with pytest.raises(RegistrationDependencyError) as error_info:
        await registration_service.modify_registration_settled_if_unsettled(input_registration)

    # then
    assert error_info.value == expected_error
    assert error_info.value.__cause__ is storage_error
    assert [name for name, _, _ in storage_broker.mock_calls] == ["update_registration_fields"]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
