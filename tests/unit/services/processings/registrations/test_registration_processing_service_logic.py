from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.registrations import ConcernState, ConcernStatus
from services.processings.registrations import RegistrationProcessingService
from tests.unit.services.foundations.registrations.conftest import create_random_registration

P, F = ConcernState.PERSISTED, ConcernState.FAILED


async def test_should_ensure_registration_recorded(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registration = create_random_registration(faker, now)
    # An entry recorded earlier wins, with whatever concerns it has reached since.
    stored_registration = input_registration.model_copy(
        update={"concerns": {key: ConcernStatus(status=P) for key in input_registration.concerns}}
    )
    registration_service.add_registration_if_absent.return_value = stored_registration
    expected_registration = stored_registration.model_copy(deep=True)

    # when
    actual_registration = await registration_processing_service.ensure_registration_recorded(
        input_registration
    )

    # then
    assert actual_registration == expected_registration
    assert registration_service.mock_calls == [call.add_registration_if_absent(input_registration)]
    assert logging_broker.mock_calls == []


@pytest.mark.parametrize("input_state", [P, F])
async def test_should_record_concern_outcome_with_one_write(
    *,
    faker: Faker,
    now: datetime,
    input_state: ConcernState,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_registration = create_random_registration(faker, now)
    input_registration_id = random_registration.id
    input_concern_key = faker.random_element(list(random_registration.concerns))
    input_reason = faker.sentence() if input_state is F else None
    expected_concern_status = ConcernStatus(status=input_state, reason=input_reason)
    registration_service.modify_registration_concern_if_exists.return_value = True

    # when
    await registration_processing_service.record_concern_outcome(
        input_registration_id, input_concern_key, input_state, input_reason
    )

    # then: the concern alone is written, whether first, late or again; the overall status is
    # read from the concerns, so no read and no second write
    assert registration_service.mock_calls == [
        call.modify_registration_concern_if_exists(
            input_registration_id, input_concern_key, expected_concern_status
        )
    ]
    assert logging_broker.mock_calls == []


async def test_should_retrieve_registration_if_exists(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
) -> None:
    # given
    input_registration_id = create_random_registration(faker, now).id
    registration_service.retrieve_registration_if_exists.return_value = None

    # when
    actual_registration = await registration_processing_service.retrieve_registration_if_exists(
        input_registration_id
    )

    # then
    assert actual_registration is None
    assert registration_service.mock_calls == [
        call.retrieve_registration_if_exists(input_registration_id)
    ]
