from __future__ import annotations

import asyncio
from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.registrations import ConcernChange, ConcernState, ConcernStatus, RegistrationStatus
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
    registration_service.add_registrations_if_absent.return_value = [stored_registration]
    expected_registration = stored_registration.model_copy(deep=True)

    # when
    actual_registration = await registration_processing_service.ensure_registration_recorded(
        input_registration
    )

    # then
    assert actual_registration == expected_registration
    assert registration_service.mock_calls == [
        call.add_registrations_if_absent([input_registration])
    ]
    assert logging_broker.mock_calls == []


async def test_should_ensure_concurrent_registrations_recorded_in_one_write(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_registrations = [create_random_registration(faker, now) for _ in range(3)]
    stored_registrations = [
        registration.model_copy(deep=True) for registration in input_registrations
    ]
    registration_service.add_registrations_if_absent.return_value = stored_registrations
    expected_registrations = [
        registration.model_copy(deep=True) for registration in stored_registrations
    ]

    # when
    actual_registrations = await asyncio.gather(
        *(
            registration_processing_service.ensure_registration_recorded(registration)
            for registration in input_registrations
        )
    )

    # then
    assert actual_registrations == expected_registrations
    assert registration_service.mock_calls == [
        call.add_registrations_if_absent(input_registrations)
    ]
    assert logging_broker.mock_calls == []


async def test_should_record_concern_outcomes_and_settle_nothing_while_pending(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: another concern is still pending (a failure would settle it at once)
    input_state = P
    random_registration = create_random_registration(
        faker, now, states={"student": P, "contact": ConcernState.PENDING}
    )
    input_registration_id = random_registration.id
    input_concern_key = "student"
    input_reason = None
    expected_concern_status = ConcernStatus(status=input_state, reason=input_reason)
    registration_service.modify_registration_concerns_if_exist.return_value = [True]
    registration_service.retrieve_registrations_by_ids.return_value = [random_registration]

    # when
    [actual_settled] = await registration_processing_service.record_concern_outcomes(
        [
            ConcernChange(
                input_registration_id,
                input_concern_key,
                ConcernStatus(status=input_state, reason=input_reason),
            )
        ]
    )

    # then: the concern is written, whether first, late or again, and read back once
    assert actual_settled is None
    assert registration_service.mock_calls == [
        call.modify_registration_concerns_if_exist(
            [ConcernChange(input_registration_id, input_concern_key, expected_concern_status)]
        ),
        call.retrieve_registrations_by_ids([input_registration_id]),
    ]
    assert logging_broker.mock_calls == []


@pytest.mark.parametrize(
    ("states", "expected_status"),
    [
        ({"student": P, "contact": P}, RegistrationStatus.COMPLETED),
        ({"student": F, "contact": ConcernState.PENDING}, RegistrationStatus.FAILED),
    ],
    ids=["completed", "failed"],
)
async def test_should_record_concern_outcomes_and_settle_the_registration_it_concludes(
    *,
    faker: Faker,
    now: datetime,
    states: dict[str, ConcernState],
    expected_status: RegistrationStatus,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    stored_registration = create_random_registration(
        faker, now, states=states, status=expected_status
    )
    input_registration_id = stored_registration.id
    input_state = states["student"]
    settled_registration = stored_registration.model_copy(update={"settled_at": now})
    registration_service.modify_registration_concerns_if_exist.return_value = [True]
    registration_service.retrieve_registrations_by_ids.return_value = [stored_registration]
    registration_service.modify_registrations_settled_if_unsettled.return_value = [
        settled_registration
    ]
    expected_registration = settled_registration.model_copy(deep=True)

    # when
    [actual_settled] = await registration_processing_service.record_concern_outcomes(
        [
            ConcernChange(
                input_registration_id, "student", ConcernStatus(status=input_state, reason=None)
            )
        ]
    )

    # then
    assert actual_settled == expected_registration
    assert registration_service.mock_calls == [
        call.modify_registration_concerns_if_exist(
            [ConcernChange(input_registration_id, "student", ConcernStatus(status=input_state))]
        ),
        call.retrieve_registrations_by_ids([input_registration_id]),
        call.modify_registrations_settled_if_unsettled([stored_registration]),
    ]
    assert logging_broker.mock_calls == []


async def test_should_settle_nothing_if_another_outcome_settled_it_first(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
) -> None:
    # given: a concurrent outcome read it complete too, and stamped it first
    stored_registration = create_random_registration(
        faker, now, states={"student": P, "contact": P}, status=RegistrationStatus.COMPLETED
    )
    registration_service.modify_registration_concerns_if_exist.return_value = [True]
    registration_service.retrieve_registrations_by_ids.return_value = [stored_registration]
    registration_service.modify_registrations_settled_if_unsettled.return_value = [None]

    # when
    [actual_settled] = await registration_processing_service.record_concern_outcomes(
        [ConcernChange(stored_registration.id, "contact", ConcernStatus(status=P, reason=None))]
    )

    # then
    assert actual_settled is None
    assert registration_service.mock_calls == [
        call.modify_registration_concerns_if_exist(
            [ConcernChange(stored_registration.id, "contact", ConcernStatus(status=P))]
        ),
        call.retrieve_registrations_by_ids([stored_registration.id]),
        call.modify_registrations_settled_if_unsettled([stored_registration]),
    ]


async def test_should_settle_nothing_again_when_a_settled_registration_hears_an_outcome(
    *,
    faker: Faker,
    now: datetime,
    registration_processing_service: RegistrationProcessingService,
    registration_service: Mock,
) -> None:
    # given: the outcome that settled it comes again (redelivered), or a late one after a failure
    stored_registration = create_random_registration(
        faker, now, states={"student": F, "contact": P}, status=RegistrationStatus.FAILED
    ).model_copy(update={"settled_at": now})
    registration_service.modify_registration_concerns_if_exist.return_value = [True]
    registration_service.retrieve_registrations_by_ids.return_value = [stored_registration]

    # when
    [actual_settled] = await registration_processing_service.record_concern_outcomes(
        [ConcernChange(stored_registration.id, "contact", ConcernStatus(status=P, reason=None))]
    )

    # then: no second settle, so nothing is counted twice
    assert actual_settled is None
    assert registration_service.mock_calls == [
        call.modify_registration_concerns_if_exist(
            [ConcernChange(stored_registration.id, "contact", ConcernStatus(status=P))]
        ),
        call.retrieve_registrations_by_ids([stored_registration.id]),
    ]


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
