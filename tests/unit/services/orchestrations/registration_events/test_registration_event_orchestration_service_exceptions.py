from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from unittest.mock import Mock

import pytest
from faker import Faker

from contracts.errors import CategorizedError, ErrorCategory, LocalizedError
from contracts.events import Concern
from contracts.registrations.exceptions.event_processings import (
    RegistrationEventProcessingDependencyError,
    RegistrationEventProcessingServiceError,
)
from contracts.registrations.exceptions.events import (
    FailedRegistrationEventPublishError,
    FailedRegistrationEventServiceError,
)
from contracts.registrations.exceptions.foundations import NotFoundRegistrationError
from contracts.registrations.exceptions.orchestrations import (
    FailedRegistrationOrchestrationServiceError,
    RegistrationOrchestrationDependencyError,
    RegistrationOrchestrationDependencyValidationError,
    RegistrationOrchestrationServiceError,
)
from contracts.registrations.exceptions.processings import (
    NotFoundRegistrationConcernError,
    RegistrationProcessingDependencyValidationError,
    RegistrationProcessingValidationError,
)
from services.orchestrations.registration_events import RegistrationEventOrchestrationService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
    create_random_message,
)
from tests.unit.services.foundations.registrations.requests import (
    create_random_outcome_event,
    create_random_registration_requested_event,
)


@pytest.mark.parametrize(
    "create_processing_error",
    [
        # An outcome for a registration the ledger doesn't know: dead-lettered, for a person.
        pytest.param(
            lambda m: RegistrationProcessingDependencyValidationError(NotFoundRegistrationError(m)),
            id="RegistrationProcessingDependencyValidationError",
        ),
        pytest.param(
            lambda m: RegistrationProcessingValidationError(
                NotFoundRegistrationConcernError(m, "student")
            ),
            id="RegistrationProcessingValidationError",
        ),
    ],
)
async def test_should_raise_dependency_validation_error_on_outcome_if_refused_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_processing_error: Callable[[str], CategorizedError],
    registration_event_orchestration_service: RegistrationEventOrchestrationService,
    registration_processing_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_event = create_random_outcome_event(
        faker, now, concern=Concern.STUDENT, correlation_id=create_random_id(faker)
    )
    processing_error = create_processing_error(create_random_message(faker))
    registration_processing_service.record_concern_outcomes.return_value = [processing_error]
    expected_error = RegistrationOrchestrationDependencyValidationError(
        processing_error.inner_error
    )

    # when
    [actual_error] = await registration_event_orchestration_service.process_concern_outcome_events(
        [input_event]
    )

    # then
    assert actual_error == expected_error
    assert isinstance(actual_error, RegistrationOrchestrationDependencyValidationError)
    assert actual_error.__cause__ is processing_error
    assert [name for name, _, _ in registration_processing_service.mock_calls] == [
        "record_concern_outcomes"
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_dependency_error_on_requested_if_publish_fails_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_event_orchestration_service: RegistrationEventOrchestrationService,
    registration_event_processing_service: Mock,
    registration_processing_service: Mock,
    logging_broker: Mock,
) -> None:
    # given: the second request's fan-out was not all confirmed: retried alone, as a whole; its
    # ledger entry and the events already out are idempotent. The first one is done.
    input_events = [create_random_registration_requested_event(faker, now) for _ in range(2)]
    failed_publish_error = FailedRegistrationEventPublishError(create_random_message(faker))
    processing_error = RegistrationEventProcessingDependencyError(failed_publish_error)
    registration_processing_service.ensure_registrations_recorded.side_effect = list
    registration_event_processing_service.publish_registration_fan_outs.return_value = [
        None,
        processing_error,
    ]
    expected_error = RegistrationOrchestrationDependencyError(failed_publish_error)

    # when
    answers = await registration_event_orchestration_service.process_registration_requested_events(
        input_events
    )

    # then
    actual_error = answers[1]
    assert answers == [None, expected_error]
    assert isinstance(actual_error, RegistrationOrchestrationDependencyError)
    assert actual_error.__cause__ is processing_error
    assert [name for name, _, _ in registration_event_processing_service.mock_calls] == [
        "publish_registration_fan_outs"
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


def create_processing_service_error(message: str) -> tuple[Exception, LocalizedError]:
    inner_error = FailedRegistrationEventServiceError(message)
    return RegistrationEventProcessingServiceError(inner_error), inner_error


def create_unexpected_error(message: str) -> tuple[Exception, LocalizedError]:
    unexpected_error = RuntimeError(message)
    return unexpected_error, FailedRegistrationOrchestrationServiceError(
        type(unexpected_error).__name__
    )


# A bug below is this orchestration's dependency error (The Standard's mapping); one here is its
# service error. Either way the root is a service error: retried a bounded number of times.
@pytest.mark.parametrize(
    ("create_error_and_inner_error", "expected_type"),
    [
        pytest.param(
            create_processing_service_error,
            RegistrationOrchestrationDependencyError,
            id="ProcessingServiceError",
        ),
        pytest.param(
            create_unexpected_error, RegistrationOrchestrationServiceError, id="RuntimeError"
        ),
    ],
)
async def test_should_raise_error_rooted_in_a_service_error_on_requested_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    create_error_and_inner_error: Callable[[str], tuple[Exception, LocalizedError]],
    expected_type: Callable[[LocalizedError], CategorizedError],
    registration_event_orchestration_service: RegistrationEventOrchestrationService,
    registration_processing_service: Mock,
    registration_event_processing_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_event = create_random_registration_requested_event(faker, now)
    service_error, inner_error = create_error_and_inner_error(create_random_message(faker))
    registration_processing_service.ensure_registrations_recorded.side_effect = service_error
    expected_error = expected_type(inner_error)

    # when
    [
        actual_error
    ] = await registration_event_orchestration_service.process_registration_requested_events(
        [input_event]
    )

    # then: nothing is published before the ledger holds the registration
    assert actual_error == expected_error
    assert isinstance(actual_error, CategorizedError)
    assert actual_error.root_category is ErrorCategory.SERVICE
    assert actual_error.__cause__ is service_error
    assert registration_event_processing_service.mock_calls == []
    assert [name for name, _, _ in registration_processing_service.mock_calls] == [
        "ensure_registrations_recorded"
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
