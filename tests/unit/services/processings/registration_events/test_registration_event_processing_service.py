from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError
from contracts.events import ConcernOutcomeEvent, EventPublication, RegistrationRequestedEvent
from contracts.registrations.exceptions.event_processings import (
    RegistrationEventProcessingDependencyError,
    RegistrationEventProcessingDependencyValidationError,
)
from contracts.registrations.exceptions.events import (
    FailedRegistrationEventPublishError,
    FailedRegistrationEventServiceError,
    InvalidRegistrationEventError,
    RegistrationEventDependencyError,
    RegistrationEventServiceError,
    RegistrationEventValidationError,
)
from services.processings.registration_events import RegistrationEventProcessingService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
    create_random_message,
)
from tests.unit.services.foundations.registrations.requests import (
    create_random_registration_requested_event,
)


def test_should_listen_to_registration_requested_and_concern_outcome_events(
    *,
    registration_event_processing_service: RegistrationEventProcessingService,
    registration_event_service: Mock,
) -> None:
    # given
    async def handle_requested(
        events: Sequence[RegistrationRequestedEvent],
    ) -> list[Exception | None]:
        return [None for _ in events]

    async def handle_outcomes(events: Sequence[ConcernOutcomeEvent]) -> list[Exception | None]:
        return [None for _ in events]

    # when
    service = registration_event_processing_service
    service.listen_to_registration_requested_event_batches(handle_requested)
    service.listen_to_concern_outcome_event_batches(handle_outcomes)

    # then
    assert registration_event_service.mock_calls == [
        call.listen_to_registration_requested_event_batches(handle_requested),
        call.listen_to_concern_outcome_event_batches(handle_outcomes),
    ]


async def test_should_publish_registration_requested(
    *,
    faker: Faker,
    now: datetime,
    registration_event_processing_service: RegistrationEventProcessingService,
    registration_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    published_event = create_random_registration_requested_event(faker, now)
    input_requested = published_event.data
    input_event_id = published_event.id
    registration_event_service.publish_registration_requested.return_value = published_event

    # when
    actual_event = await registration_event_processing_service.publish_registration_requested(
        input_requested, event_id=input_event_id, requested_at=now
    )

    # then
    assert actual_event == published_event
    assert registration_event_service.mock_calls == [
        call.publish_registration_requested(
            input_requested, event_id=input_event_id, requested_at=now
        )
    ]
    assert logging_broker.mock_calls == []


OUTER_CATEGORIES = [
    pytest.param(
        lambda m: RegistrationEventValidationError(InvalidRegistrationEventError({"data": [m]})),
        RegistrationEventProcessingDependencyValidationError,
        id="validation",
    ),
    pytest.param(
        lambda m: RegistrationEventDependencyError(FailedRegistrationEventPublishError(m)),
        RegistrationEventProcessingDependencyError,
        id="dependency",
    ),
    pytest.param(
        lambda m: RegistrationEventServiceError(FailedRegistrationEventServiceError(m)),
        RegistrationEventProcessingDependencyError,
        id="service",
    ),
]


@pytest.mark.parametrize(("create_event_error", "expected_type"), OUTER_CATEGORIES)
async def test_should_rewrap_downstream_error_on_publish_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_event_error: Callable[[str], CategorizedError],
    expected_type: type[CategorizedError],
    registration_event_processing_service: RegistrationEventProcessingService,
    registration_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_requested = create_random_registration_requested_event(faker, now).data
    input_event_id = create_random_id(faker)
    event_error = create_event_error(create_random_message(faker))
    registration_event_service.publish_registration_requested.side_effect = event_error
    expected_error = expected_type(event_error.inner_error)

    # when
    with pytest.raises(expected_type) as error_info:
        await registration_event_processing_service.publish_registration_requested(
            input_requested, event_id=input_event_id, requested_at=now
        )

    # then
    assert error_info.value == expected_error
    assert error_info.value.root_category is event_error.root_category
    assert error_info.value.__cause__ is event_error
    assert registration_event_service.mock_calls == [
        call.publish_registration_requested(
            input_requested, event_id=input_event_id, requested_at=now
        )
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_publish_registration_fan_outs_each_answered_in_its_place(
    *,
    faker: Faker,
    registration_event_processing_service: RegistrationEventProcessingService,
    registration_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: the second fan-out's publish was not confirmed
    input_fan_outs = [
        (EventPublication("student.registered.v1", Mock(), create_random_id(faker), None),),
        (EventPublication("contact.registered.v1", Mock(), create_random_id(faker), None),),
    ]
    inner_error = FailedRegistrationEventPublishError(create_random_message(faker))
    registration_event_service.publish_fan_outs.return_value = [
        None,
        RegistrationEventDependencyError(inner_error),
    ]

    # when
    answers = await registration_event_processing_service.publish_registration_fan_outs(
        input_fan_outs
    )

    # then
    actual_error = answers[1]
    assert answers[0] is None
    assert isinstance(actual_error, RegistrationEventProcessingDependencyError)
    assert actual_error.inner_error is inner_error
    assert registration_event_service.mock_calls == [call.publish_fan_outs(input_fan_outs)]
    assert logging_broker.mock_calls == [create_error_log_call(actual_error)]
