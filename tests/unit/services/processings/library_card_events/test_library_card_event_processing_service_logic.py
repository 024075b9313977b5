from __future__ import annotations

from collections.abc import Callable
from unittest.mock import AsyncMock, Mock, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, LocalizedError
from contracts.library_cards.exceptions.event_processings import (
    FailedLibraryCardEventProcessingServiceError,
    LibraryCardEventProcessingDependencyError,
    LibraryCardEventProcessingDependencyValidationError,
    LibraryCardEventProcessingServiceError,
)
from contracts.library_cards.exceptions.events import (
    FailedLibraryCardEventPublishError,
    FailedLibraryCardEventServiceError,
    InvalidLibraryCardEventError,
    LibraryCardEventDependencyError,
    LibraryCardEventServiceError,
    LibraryCardEventValidationError,
)
from services.processings.library_card_events import LibraryCardEventProcessingService
from tests.unit.services.concerns.library_cards import create_random_library_card_outcome
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
)


def test_should_listen_to_library_card_requested_events(
    *,
    library_card_event_processing_service: LibraryCardEventProcessingService,
    library_card_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    handler = AsyncMock(return_value=None)

    # when
    library_card_event_processing_service.listen_to_library_card_requested_events(handler)

    # then
    assert library_card_event_service.mock_calls == [
        call.listen_to_library_card_requested_events(handler)
    ]
    assert logging_broker.mock_calls == []


async def test_should_publish_library_card_outcome(
    *,
    faker: Faker,
    library_card_event_processing_service: LibraryCardEventProcessingService,
    library_card_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_outcome = create_random_library_card_outcome(faker)
    cause_id, correlation_id = create_random_id(faker), create_random_id(faker)

    # when
    await library_card_event_processing_service.publish_library_card_outcome(
        input_outcome, cause_id=cause_id, correlation_id=correlation_id
    )

    # then
    assert library_card_event_service.mock_calls == [
        call.publish_library_card_outcome(
            input_outcome, cause_id=cause_id, correlation_id=correlation_id
        )
    ]
    assert logging_broker.mock_calls == []


# (what the event service raises, the localized error, this service's error)
FAILURES: list[object] = [
    pytest.param(
        lambda message: LibraryCardEventValidationError(
            InvalidLibraryCardEventError({"id": [message]})
        ),
        LibraryCardEventProcessingDependencyValidationError,
        id="validation",
    ),
    pytest.param(
        lambda message: LibraryCardEventDependencyError(
            FailedLibraryCardEventPublishError(message)
        ),
        LibraryCardEventProcessingDependencyError,
        id="dependency",
    ),
    pytest.param(
        lambda message: LibraryCardEventServiceError(FailedLibraryCardEventServiceError(message)),
        LibraryCardEventProcessingServiceError,
        id="service",
    ),
]


@pytest.mark.parametrize(("create_error", "outer_error_type"), FAILURES)
async def test_should_rewrap_downstream_error_on_publish_and_log_it(
    *,
    faker: Faker,
    create_error: Callable[[str], CategorizedError],
    outer_error_type: Callable[[LocalizedError], CategorizedError],
    library_card_event_processing_service: LibraryCardEventProcessingService,
    library_card_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    downstream_error = create_error(faker.sentence())
    library_card_event_service.publish_library_card_outcome.side_effect = downstream_error
    expected_error = outer_error_type(downstream_error.inner_error)

    # when
    with pytest.raises(type(expected_error)) as error_info:
        await library_card_event_processing_service.publish_library_card_outcome(
            create_random_library_card_outcome(faker),
            cause_id=create_random_id(faker),
            correlation_id=None,
        )

    # then
    assert error_info.value == expected_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_service_error_on_publish_if_unexpected_error_occurs_and_log_it(
    *,
    faker: Faker,
    library_card_event_processing_service: LibraryCardEventProcessingService,
    library_card_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    message = faker.sentence()
    library_card_event_service.publish_library_card_outcome.side_effect = RuntimeError(message)
    expected_error = LibraryCardEventProcessingServiceError(
        FailedLibraryCardEventProcessingServiceError("RuntimeError")
    )

    # when
    with pytest.raises(LibraryCardEventProcessingServiceError) as error_info:
        await library_card_event_processing_service.publish_library_card_outcome(
            create_random_library_card_outcome(faker),
            cause_id=create_random_id(faker),
            correlation_id=None,
        )

    # then
    assert error_info.value == expected_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
