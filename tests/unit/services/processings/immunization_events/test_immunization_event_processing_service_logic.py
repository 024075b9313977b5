from __future__ import annotations

from collections.abc import Callable
from unittest.mock import AsyncMock, Mock, call

import pytest
from faker import Faker

from contracts.errors import CategorizedError, LocalizedError
from contracts.immunizations.exceptions.event_processings import (
    FailedImmunizationEventProcessingServiceError,
    ImmunizationEventProcessingDependencyError,
    ImmunizationEventProcessingDependencyValidationError,
    ImmunizationEventProcessingServiceError,
)
from contracts.immunizations.exceptions.events import (
    FailedImmunizationEventPublishError,
    FailedImmunizationEventServiceError,
    ImmunizationEventDependencyError,
    ImmunizationEventServiceError,
    ImmunizationEventValidationError,
    InvalidImmunizationEventError,
)
from services.processings.immunization_events import ImmunizationEventProcessingService
from tests.unit.services.concerns.immunizations import create_random_immunization_outcome
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
)


def test_should_listen_to_immunization_recorded_events(
    *,
    immunization_event_processing_service: ImmunizationEventProcessingService,
    immunization_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    handler = AsyncMock(return_value=None)

    # when
    immunization_event_processing_service.listen_to_immunization_recorded_events(handler)

    # then
    assert immunization_event_service.mock_calls == [
        call.listen_to_immunization_recorded_events(handler)
    ]
    assert logging_broker.mock_calls == []


async def test_should_publish_immunization_outcome(
    *,
    faker: Faker,
    immunization_event_processing_service: ImmunizationEventProcessingService,
    immunization_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_outcome = create_random_immunization_outcome(faker)
    cause_id, correlation_id = create_random_id(faker), create_random_id(faker)

    # when
    await immunization_event_processing_service.publish_immunization_outcome(
        input_outcome, cause_id=cause_id, correlation_id=correlation_id
    )

    # then
    assert immunization_event_service.mock_calls == [
        call.publish_immunization_outcome(
            input_outcome, cause_id=cause_id, correlation_id=correlation_id
        )
    ]
    assert logging_broker.mock_calls == []


# (what the event service raises, the localized error, this service's error)
FAILURES: list[object] = [
    pytest.param(
        lambda message: ImmunizationEventValidationError(
            InvalidImmunizationEventError({"id": [message]})
        ),
        ImmunizationEventProcessingDependencyValidationError,
        id="validation",
    ),
    pytest.param(
        lambda message: ImmunizationEventDependencyError(
            FailedImmunizationEventPublishError(message)
        ),
        ImmunizationEventProcessingDependencyError,
        id="dependency",
    ),
    pytest.param(
        lambda message: ImmunizationEventServiceError(FailedImmunizationEventServiceError(message)),
        ImmunizationEventProcessingServiceError,
        id="service",
    ),
]


@pytest.mark.parametrize(("create_error", "outer_error_type"), FAILURES)
async def test_should_rewrap_downstream_error_on_publish_and_log_it(
    *,
    faker: Faker,
    create_error: Callable[[str], CategorizedError],
    outer_error_type: Callable[[LocalizedError], CategorizedError],
    immunization_event_processing_service: ImmunizationEventProcessingService,
    immunization_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    downstream_error = create_error(faker.sentence())
    immunization_event_service.publish_immunization_outcome.side_effect = downstream_error
    expected_error = outer_error_type(downstream_error.inner_error)

    # when
    with pytest.raises(type(expected_error)) as error_info:
        await immunization_event_processing_service.publish_immunization_outcome(
            create_random_immunization_outcome(faker),
            cause_id=create_random_id(faker),
            correlation_id=None,
        )

    # then
    assert error_info.value == expected_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_service_error_on_publish_if_unexpected_error_occurs_and_log_it(
    *,
    faker: Faker,
    immunization_event_processing_service: ImmunizationEventProcessingService,
    immunization_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    message = faker.sentence()
    immunization_event_service.publish_immunization_outcome.side_effect = RuntimeError(message)
    expected_error = ImmunizationEventProcessingServiceError(
        FailedImmunizationEventProcessingServiceError("RuntimeError")
    )

    # when
    with pytest.raises(ImmunizationEventProcessingServiceError) as error_info:
        await immunization_event_processing_service.publish_immunization_outcome(
            create_random_immunization_outcome(faker),
            cause_id=create_random_id(faker),
            correlation_id=None,
        )

    # then
    assert error_info.value == expected_error
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
