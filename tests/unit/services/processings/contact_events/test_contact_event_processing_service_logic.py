from __future__ import annotations

from collections.abc import Callable
from unittest.mock import AsyncMock, Mock, call

import pytest
from faker import Faker

from contracts.contacts.exceptions.event_processings import (
    ContactEventProcessingDependencyError,
    ContactEventProcessingDependencyValidationError,
    ContactEventProcessingServiceError,
    FailedContactEventProcessingServiceError,
)
from contracts.contacts.exceptions.events import (
    ContactEventDependencyError,
    ContactEventServiceError,
    ContactEventValidationError,
    FailedContactEventPublishError,
    FailedContactEventServiceError,
    InvalidContactEventError,
)
from contracts.errors import CategorizedError, LocalizedError
from services.processings.contact_events import ContactEventProcessingService
from tests.unit.services.concerns.contacts import create_random_contact_outcome
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
)


def test_should_listen_to_contact_registered_events(
    *,
    contact_event_processing_service: ContactEventProcessingService,
    contact_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    handler = AsyncMock(return_value=None)

    # when
    contact_event_processing_service.listen_to_contact_registered_events(handler)

    # then
    assert contact_event_service.mock_calls == [call.listen_to_contact_registered_events(handler)]
    assert logging_broker.mock_calls == []


async def test_should_publish_contact_outcome(
    *,
    faker: Faker,
    contact_event_processing_service: ContactEventProcessingService,
    contact_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_outcome = create_random_contact_outcome(faker)
    cause_id, correlation_id = create_random_id(faker), create_random_id(faker)

    # when
    await contact_event_processing_service.publish_contact_outcome(
        input_outcome, cause_id=cause_id, correlation_id=correlation_id
    )

    # then
    assert contact_event_service.mock_calls == [
        call.publish_contact_outcome(
            input_outcome, cause_id=cause_id, correlation_id=correlation_id
        )
    ]
    assert logging_broker.mock_calls == []


# (what the event service raises, the localized error, this service's error)
FAILURES: list[object] = [
    pytest.param(
        lambda message: ContactEventValidationError(InvalidContactEventError({"id": [message]})),
        ContactEventProcessingDependencyValidationError,
        id="validation",
    ),
    pytest.param(
        lambda message: ContactEventDependencyError(FailedContactEventPublishError(message)),
        ContactEventProcessingDependencyError,
        id="dependency",
    ),
    pytest.param(
        lambda message: ContactEventServiceError(FailedContactEventServiceError(message)),
        ContactEventProcessingServiceError,
        id="service",
    ),
]


@pytest.mark.parametrize(("create_error", "outer_error_type"), FAILURES)
async def test_should_rewrap_downstream_error_on_publish_and_log_it(
    *,
    faker: Faker,
    create_error: Callable[[str], CategorizedError],
    outer_error_type: Callable[[LocalizedError], CategorizedError],
    contact_event_processing_service: ContactEventProcessingService,
    contact_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    downstream_error = create_error(faker.sentence())
    contact_event_service.publish_contact_outcome.side_effect = downstream_error
    expected_error = outer_error_type(downstream_error.inner_error)

    # when
    with pytest.raises(type(expected_error)) as error_info:
        await contact_event_processing_service.publish_contact_outcome(
            create_random_contact_outcome(faker),
            cause_id=create_random_id(faker),
            correlation_id=None,
        )

    # then
    assert error_info.value == expected_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_service_error_on_publish_if_unexpected_error_occurs_and_log_it(
    *,
    faker: Faker,
    contact_event_processing_service: ContactEventProcessingService,
    contact_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    message = faker.sentence()
    contact_event_service.publish_contact_outcome.side_effect = RuntimeError(message)
    expected_error = ContactEventProcessingServiceError(
        FailedContactEventProcessingServiceError("RuntimeError")
    )

    # when
    with pytest.raises(ContactEventProcessingServiceError) as error_info:
        await contact_event_processing_service.publish_contact_outcome(
            create_random_contact_outcome(faker),
            cause_id=create_random_id(faker),
            correlation_id=None,
        )

    # then
    assert error_info.value == expected_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
