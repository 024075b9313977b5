from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from services.orchestrations.registration_events import RegistrationEventOrchestrationService
from tests.unit.services.foundations.registrations.requests import (
    create_random_registration_requested_event,
)
from tests.unit.services.orchestrations.registration_events.fan_outs import create_expected_fan_out


def test_should_listen_to_registration_events(
    *,
    registration_event_orchestration_service: RegistrationEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # when
    registration_event_orchestration_service.listen_to_registration_events()

    # then
    service = registration_event_orchestration_service
    assert dependencies.mock_calls == [
        call.registration_event_processing_service.listen_to_registration_requested_event_batches(
            service.process_registration_requested_events
        ),
        call.registration_event_processing_service.listen_to_concern_outcome_event_batches(
            service.process_concern_outcome_events
        ),
    ]


@pytest.mark.parametrize("library_card", [True, False], ids=["with-card", "without-card"])
async def test_should_record_ledger_then_fan_out_registration_requested_event(
    *,
    faker: Faker,
    now: datetime,
    library_card: bool,
    registration_event_orchestration_service: RegistrationEventOrchestrationService,
    registration_processing_service: Mock,
    registration_event_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    input_event = create_random_registration_requested_event(faker, now, library_card=library_card)
    expected_registration, expected_publishes = create_expected_fan_out(input_event)
    registration_processing_service.ensure_registrations_recorded.return_value = [
        expected_registration
    ]
    registration_event_processing_service.publish_registration_fan_outs.return_value = [None]

    # when
    answers = await registration_event_orchestration_service.process_registration_requested_events(
        [input_event]
    )

    # then: the ledger first, so that every outcome of the fan-out finds its concern
    assert answers == [None]
    assert dependencies.mock_calls == [
        call.registration_processing_service.ensure_registrations_recorded([expected_registration]),
        call.registration_event_processing_service.publish_registration_fan_outs(
            [expected_publishes]
        ),
    ]


async def test_should_publish_the_same_events_when_the_same_request_comes_again(
    *,
    faker: Faker,
    now: datetime,
    registration_event_orchestration_service: RegistrationEventOrchestrationService,
    registration_processing_service: Mock,
    registration_event_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given: a redelivery, which may come with a new envelope id
    input_event = create_random_registration_requested_event(faker, now)
    redelivered_event = input_event.model_copy(update={"id": faker.uuid4()})
    registration_processing_service.ensure_registrations_recorded.side_effect = list
    registration_event_processing_service.publish_registration_fan_outs.side_effect = (
        lambda fan_outs: [None for _ in fan_outs]
    )
    service = registration_event_orchestration_service

    # when
    await service.process_registration_requested_events([input_event])
    first_calls = list(dependencies.mock_calls)
    dependencies.reset_mock()
    await service.process_registration_requested_events([redelivered_event])

    # then
    assert dependencies.mock_calls == first_calls
    [_, (fan_outs,), _] = first_calls[1]
    assert len(fan_outs[0]) >= 2
