from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from unittest.mock import Mock

import pytest
from faker import Faker

from brokers.queues import QueueUnavailableError, UnroutableMessageError
from contracts.registrations.exceptions.events import (
    FailedRegistrationEventPublishError,
    FailedRegistrationEventServiceError,
    RegistrationEventDependencyError,
    RegistrationEventServiceError,
)
from services.foundations.registration_events import RegistrationEventService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
    create_random_message,
)
from tests.unit.services.foundations.registrations.requests import (
    create_random_registration_requested_event,
)


@pytest.mark.parametrize(
    "create_queue_error",
    [
        pytest.param(QueueUnavailableError, id="QueueUnavailableError"),
        # No queue bound for the type: the topology is incomplete, retry until it is there.
        pytest.param(UnroutableMessageError, id="UnroutableMessageError"),
    ],
)
async def test_should_raise_dependency_error_on_publish_if_queue_fails_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_queue_error: Callable[[str], Exception],
    registration_event_service: RegistrationEventService,
    queue_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_requested = create_random_registration_requested_event(faker, now).data
    queue_error = create_queue_error(create_random_message(faker))
    queue_broker.publish.side_effect = queue_error
    expected_error = RegistrationEventDependencyError(
        FailedRegistrationEventPublishError(type(queue_error).__name__)
    )

    # when
    with pytest.raises(RegistrationEventDependencyError) as error_info:
        await registration_event_service.publish_registration_requested(
            input_requested, event_id=create_random_id(faker), requested_at=now
        )

    # then
    assert error_info.value == expected_error
    assert error_info.value.__cause__ is queue_error
    assert [name for name, _, _ in queue_broker.mock_calls] == ["publish"]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_service_error_on_publish_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_event_service: RegistrationEventService,
    queue_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_student = create_random_registration_requested_event(faker, now).data
    unexpected_error = RuntimeError(create_random_message(faker))
    queue_broker.publish.side_effect = unexpected_error
    expected_error = RegistrationEventServiceError(
        FailedRegistrationEventServiceError(type(unexpected_error).__name__)
    )

    # when
    with pytest.raises(RegistrationEventServiceError) as error_info:
        await registration_event_service.publish_registration_requested(
            input_student, event_id=create_random_id(faker), requested_at=now
        )

    # then
    assert error_info.value == expected_error
    assert error_info.value.__cause__ is unexpected_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
