from __future__ import annotations

from datetime import datetime, timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.registrations import (
    ConcernState,
    ConcernStatus,
    Registration,
    RegistrationStatus,
)
from services.processings.registrations import RegistrationProcessingService
from tests.unit.services.foundations.registrations.conftest import create_random_registration

P, F, W = ConcernState.PERSISTED, ConcernState.FAILED, ConcernState.PENDING


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


def with_concerns(registration: Registration, states: dict[str, ConcernState]) -> Registration:
    return registration.model_copy(
        update={"concerns": {key: ConcernStatus(status=state) for key, state in states.items()}}
    )


# (the other concerns' states, the recorded outcome) → the overall status it leads to
STATUS_DERIVATIONS = [
    pytest.param({"contact": W}, P, RegistrationStatus.PENDING, id="one-still-pending"),
    pytest.param({"contact": P}, P, RegistrationStatus.COMPLETED, id="all-persisted"),
    pytest.param({"contact": P}, F, RegistrationStatus.FAILED, id="this-one-failed"),
    pytest.param({"contact": F}, P, RegistrationStatus.FAILED, id="another-failed"),
    pytest.param({"contact": W, "library_card": F}, P, RegistrationStatus.FAILED, id="mixed"),
]


@pytest.mark.parametrize(("other_states", "input_state", "expected_status"), STATUS_DERIVATIONS)
async def test_should_record_concern_outcome_and_the_status_it_leads_to(
    *,
    faker: Faker,
    now: datetime,
    other_states: dict[str, ConcernState],
    input_state: ConcernState,
    expected_status: RegistrationStatus,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
    metrics_broker: Mock,
) -> None:
    # given
    input_concern_key = "student"
    input_reason = faker.sentence() if input_state is F else None
    random_registration = create_random_registration(
        faker, now, states={input_concern_key: W, **other_states}
    )
    input_registration_id = random_registration.id
    input_concern_status = ConcernStatus(status=input_state, reason=input_reason)
    updated_registration = random_registration.model_copy(
        update={
            "concerns": {**random_registration.concerns, input_concern_key: input_concern_status}
        }
    )
    completion_seconds = faker.pyfloat(min_value=0.01, max_value=600)
    status_registration = updated_registration.model_copy(
        update={
            "status": expected_status,
            "updated_at": random_registration.created_at + timedelta(seconds=completion_seconds),
        }
    )
    registration_service.modify_registration_concern_if_exists.return_value = updated_registration
    registration_service.modify_registration_status.return_value = status_registration
    status_changed = expected_status is not RegistrationStatus.PENDING
    expected_registration = status_registration if status_changed else updated_registration

    # when
    actual_registration = await registration_processing_service.record_concern_outcome(
        input_registration_id, input_concern_key, input_state, input_reason
    )

    # then: one conditional update, and the status written only when it changed, from the
    # document after the update
    assert actual_registration == expected_registration
    assert registration_service.mock_calls == [
        call.modify_registration_concern_if_exists(
            input_registration_id, input_concern_key, input_concern_status
        ),
        *(
            [call.modify_registration_status(input_registration_id, expected_status)]
            if status_changed
            else []
        ),
    ]
    assert logging_broker.mock_calls == []
    # counted once, by the outcome that settled the registration; timed when it completed
    assert metrics_broker.mock_calls == [
        *([call.count_registration(expected_status.value)] if status_changed else []),
        *(
            [call.observe_registration_completion(pytest.approx(completion_seconds))]
            if expected_status is RegistrationStatus.COMPLETED
            else []
        ),
    ]


async def test_should_not_write_status_again_if_it_did_not_change(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    metrics_broker: Mock,
) -> None:
    # given: a redelivered outcome of a registration completed already
    random_registration = create_random_registration(
        faker, now, states={"student": P, "contact": P}, status=RegistrationStatus.COMPLETED
    )
    registration_service.modify_registration_concern_if_exists.return_value = random_registration

    # when
    actual_registration = await registration_processing_service.record_concern_outcome(
        random_registration.id, "contact", P, None
    )

    # then
    assert actual_registration == random_registration
    assert [name for name, _, _ in registration_service.mock_calls] == [
        "modify_registration_concern_if_exists"
    ]
    assert metrics_broker.mock_calls == []


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
