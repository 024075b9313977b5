"""The ledger's batch writes: entries recorded and registrations settled, each in its place."""

from __future__ import annotations

from datetime import datetime, timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.storages.storage_broker import FieldsUpdate
from contracts.registrations import ConcernState, ConcernStatus, RegistrationStatus
from contracts.registrations.exceptions.foundations import (
    InvalidRegistrationError,
    RegistrationValidationError,
)
from services.foundations.registrations import RegistrationService
from services.foundations.registrations.registration_service_mappings import map_to_document
from tests.unit.services.conftest import create_error_log_call
from tests.unit.services.foundations.registrations.conftest import (
    create_random_registration,
    create_timestamp,
)

P, F = ConcernState.PERSISTED, ConcernState.FAILED
SETTLED = [
    pytest.param({"student": P, "contact": P}, RegistrationStatus.COMPLETED, id="completed"),
    pytest.param({"student": F, "contact": P}, RegistrationStatus.FAILED, id="failed"),
]


async def test_should_add_registrations_if_absent_in_one_write_each_in_its_place(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given: one new (stored as it is), one recorded before with a concern written since
    new, recorded = (create_random_registration(faker, now) for _ in range(2))
    stored_recorded = recorded.model_copy(
        update={"concerns": {key: ConcernStatus(status=P) for key in recorded.concerns}}
    )
    new_document, recorded_document = map_to_document(new), map_to_document(recorded)
    storage_broker.insert_registrations_if_absent.side_effect = lambda documents: [
        documents[0],
        map_to_document(stored_recorded),
    ]
    # Read back, its status follows from its concerns.
    expected_recorded = stored_recorded.model_copy(update={"status": RegistrationStatus.COMPLETED})

    # when
    actual_results = await registration_service.add_registrations_if_absent([new, recorded])

    # then: the stored entry wins where it differs
    assert actual_results == [new, expected_recorded]
    assert actual_results[0] is new
    assert storage_broker.mock_calls == [
        call.insert_registrations_if_absent([new_document, recorded_document])
    ]
    assert logging_broker.mock_calls == []


async def test_should_not_write_an_invalid_registration_and_answer_it_alone(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given: a registration without concerns is refused; the other one is written
    valid = create_random_registration(faker, now)
    invalid = create_random_registration(faker, now).model_copy(update={"concerns": {}})
    storage_broker.insert_registrations_if_absent.side_effect = list

    # when
    actual_results = await registration_service.add_registrations_if_absent([invalid, valid])

    # then
    actual_error = actual_results[0]
    assert isinstance(actual_error, RegistrationValidationError)
    assert isinstance(actual_error.inner_error, InvalidRegistrationError)
    assert actual_results[1] is valid
    assert storage_broker.mock_calls == [
        call.insert_registrations_if_absent([map_to_document(valid)])
    ]
    assert logging_broker.mock_calls == [create_error_log_call(actual_error)]


@pytest.mark.parametrize(("states", "status"), SETTLED)
async def test_should_settle_registrations_in_one_write_with_distinct_stamps(
    *,
    faker: Faker,
    now: datetime,
    states: dict[str, ConcernState],
    status: RegistrationStatus,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given: the clock reads the same instant twice; another outcome stamped the second first,
    # so it is settled already and gives nothing
    first, second = (
        create_random_registration(faker, now, states=states, status=status) for _ in range(2)
    )
    storage_broker.update_registrations_fields.return_value = [True, False]
    later = now + timedelta(microseconds=1)

    # when
    actual_results = await registration_service.modify_registrations_settled_if_unsettled(
        [first, second]
    )

    # then: each stamp its own, so a read after the write would tell which one was written
    assert actual_results == [first.model_copy(update={"settled_at": now}), None]
    assert actual_results[0] is not first
    assert storage_broker.mock_calls == [
        call.update_registrations_fields(
            [
                FieldsUpdate(
                    first.id, {"settled_at": create_timestamp(now)}, absent_field="settled_at"
                ),
                FieldsUpdate(
                    second.id, {"settled_at": create_timestamp(later)}, absent_field="settled_at"
                ),
            ]
        )
    ]
    assert logging_broker.mock_calls == []


async def test_should_not_settle_a_pending_registration_and_answer_it_alone(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given: pending, and stamped as settled all the same
    pending = create_random_registration(faker, now).model_copy(update={"settled_at": now})
    expected_error = RegistrationValidationError(
        InvalidRegistrationError(
            {
                "status": ["Status must be completed or failed."],
                "settled_at": ["Date must be absent."],
            }
        )
    )

    # when
    [actual_error] = await registration_service.modify_registrations_settled_if_unsettled([pending])

    # then
    assert actual_error == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
