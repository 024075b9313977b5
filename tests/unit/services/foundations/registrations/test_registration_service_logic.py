from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.registrations import ConcernState, ConcernStatus, RegistrationStatus
from services.foundations.registrations import RegistrationService
from tests.unit.services.conftest import create_random_id
from tests.unit.services.foundations.registrations.conftest import (
    create_random_registration,
    create_registration_document,
    create_timestamp,
)


async def test_should_add_registration_if_absent(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_registration = create_random_registration(faker, now)
    input_registration = random_registration
    input_document = create_registration_document(input_registration)
    # Whatever is stored under the id wins, even when it is further along.
    storage_registration = create_random_registration(faker, now)
    storage_broker.insert_registration_if_absent.return_value = create_registration_document(
        storage_registration
    )
    expected_registration = storage_registration.model_copy(deep=True)

    # when
    actual_registration = await registration_service.add_registration_if_absent(input_registration)

    # then
    assert actual_registration == expected_registration
    assert storage_broker.mock_calls == [call.insert_registration_if_absent(input_document)]
    assert date_time_broker.mock_calls == []
    assert logging_broker.mock_calls == []


async def test_should_retrieve_registration_by_id(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    storage_registration = create_random_registration(faker, now)
    input_registration_id = storage_registration.id
    storage_broker.select_registration_by_id.return_value = create_registration_document(
        storage_registration
    )
    expected_registration = storage_registration.model_copy(deep=True)

    # when
    actual_registration = await registration_service.retrieve_registration_by_id(
        input_registration_id
    )

    # then
    assert actual_registration == expected_registration
    assert storage_broker.mock_calls == [call.select_registration_by_id(input_registration_id)]
    assert logging_broker.mock_calls == []


async def test_should_retrieve_nothing_if_registration_does_not_exist(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration_id = create_random_registration(faker, now).id
    storage_broker.select_registration_by_id.return_value = None

    # when
    actual_registration = await registration_service.retrieve_registration_if_exists(
        input_registration_id
    )

    # then
    assert actual_registration is None
    assert storage_broker.mock_calls == [call.select_registration_by_id(input_registration_id)]
    assert logging_broker.mock_calls == []


async def test_should_modify_registration_concern_if_exists(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_registration = create_random_registration(faker, now)
    input_registration_id = random_registration.id
    input_concern_key = faker.random_element(list(random_registration.concerns))
    input_concern_status = ConcernStatus(status=ConcernState.FAILED, reason=faker.sentence())
    storage_broker.update_registration_fields.return_value = True
    expected_fields = {
        f"concerns.{input_concern_key}": {
            "status": "failed",
            "reason": input_concern_status.reason,
        },
        "updated_at": create_timestamp(now),
    }

    # when
    actual_recorded = await registration_service.modify_registration_concern_if_exists(
        input_registration_id, input_concern_key, input_concern_status
    )

    # then: the concern must be there already for anything to be written
    assert actual_recorded is True
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert storage_broker.mock_calls == [
        call.update_registration_fields(
            input_registration_id,
            expected_fields,
            required_field=f"concerns.{input_concern_key}",
        )
    ]
    assert logging_broker.mock_calls == []


async def test_should_modify_nothing_if_registration_or_concern_does_not_exist(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_registration = create_random_registration(faker, now)
    input_registration_id = random_registration.id
    input_concern_key = f"guardian:{create_random_id(faker)}"
    input_concern_status = ConcernStatus(status=ConcernState.PERSISTED)
    storage_broker.update_registration_fields.return_value = False
    expected_fields = {
        f"concerns.{input_concern_key}": {"status": "persisted", "reason": None},
        "updated_at": create_timestamp(now),
    }

    # when
    actual_recorded = await registration_service.modify_registration_concern_if_exists(
        input_registration_id, input_concern_key, input_concern_status
    )

    # then: absence is an answer here; the caller tells which one was absent if it must
    assert actual_recorded is False
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert storage_broker.mock_calls == [
        call.update_registration_fields(
            input_registration_id,
            expected_fields,
            required_field=f"concerns.{input_concern_key}",
        )
    ]
    assert logging_broker.mock_calls == []


# the states of the concerns → the overall status read from them
OVERALL_STATUSES = [
    pytest.param(
        [ConcernState.PENDING, ConcernState.PERSISTED], RegistrationStatus.PENDING, id="pending"
    ),
    pytest.param(
        [ConcernState.PERSISTED, ConcernState.PERSISTED],
        RegistrationStatus.COMPLETED,
        id="completed",
    ),
    pytest.param(
        [ConcernState.PENDING, ConcernState.FAILED], RegistrationStatus.FAILED, id="failed"
    ),
    pytest.param(
        [ConcernState.PERSISTED, ConcernState.FAILED],
        RegistrationStatus.FAILED,
        id="failed-after-persisted",
    ),
]


@pytest.mark.parametrize(("states", "expected_status"), OVERALL_STATUSES)
async def test_should_retrieve_registration_with_status_read_from_its_concerns(
    *,
    faker: Faker,
    now: datetime,
    registration_service: RegistrationService,
    storage_broker: Mock,
    logging_broker: Mock,
    states: list[ConcernState],
    expected_status: RegistrationStatus,
) -> None:
    # given
    keys = [faker.uuid4() for _ in states]
    storage_registration = create_random_registration(
        faker, now, dict(zip(keys, states, strict=True))
    )
    input_registration_id = storage_registration.id
    # An entry written when the status was stored: the concerns decide, not that field.
    storage_document = {**create_registration_document(storage_registration), "status": "pending"}
    storage_broker.select_registration_by_id.return_value = storage_document
    expected_registration = storage_registration.model_copy(update={"status": expected_status})

    # when
    actual_registration = await registration_service.retrieve_registration_by_id(
        input_registration_id
    )

    # then
    assert actual_registration == expected_registration
    assert storage_broker.mock_calls == [call.select_registration_by_id(input_registration_id)]
    assert logging_broker.mock_calls == []
