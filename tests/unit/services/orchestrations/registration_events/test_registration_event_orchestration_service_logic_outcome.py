from __future__ import annotations

from datetime import datetime, timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.events import Concern
from contracts.registrations import ConcernChange, ConcernState, ConcernStatus, RegistrationStatus
from contracts.registrations.exceptions.orchestrations import (
    InvalidConcernOutcomeError,
    RegistrationOrchestrationValidationError,
)
from services.orchestrations.registration_events import RegistrationEventOrchestrationService
from tests.unit.services.conftest import create_error_log_call, create_random_id
from tests.unit.services.foundations.registrations.conftest import create_random_registration
from tests.unit.services.foundations.registrations.requests import create_random_outcome_event

# The keys the fan-out wrote: the singular concerns by name, the plural ones by entity id.

KEYED_BY_ENTITY = [Concern.GUARDIAN, Concern.IMMUNIZATION]


@pytest.mark.parametrize("failed", [False, True], ids=["persisted", "failed"])
@pytest.mark.parametrize("concern", list(Concern))
async def test_should_record_concern_outcome_under_its_ledger_key(
    *,
    faker: Faker,
    now: datetime,
    concern: Concern,
    failed: bool,
    registration_event_orchestration_service: RegistrationEventOrchestrationService,
    registration_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    input_registration_id = create_random_id(faker)
    input_event = create_random_outcome_event(
        faker, now, concern=concern, failed=failed, correlation_id=input_registration_id
    )
    expected_key = (
        f"{concern.value}:{input_event.data.entity_id}"
        if concern in KEYED_BY_ENTITY
        else concern.value
    )
    expected_state = ConcernState.FAILED if failed else ConcernState.PERSISTED
    # Not the outcome that settled the registration: nothing to count.
    registration_processing_service.record_concern_outcomes.return_value = [None]

    # when
    answers = await registration_event_orchestration_service.process_concern_outcome_events(
        [input_event]
    )

    # then
    assert answers == [None]
    assert dependencies.mock_calls == [
        call.registration_processing_service.record_concern_outcomes(
            [
                ConcernChange(
                    input_registration_id,
                    expected_key,
                    ConcernStatus(status=expected_state, reason=input_event.data.reason),
                )
            ]
        )
    ]


@pytest.mark.parametrize("status", [RegistrationStatus.COMPLETED, RegistrationStatus.FAILED])
async def test_should_observe_registration_settled_once_by_the_outcome_settling_it(
    *,
    faker: Faker,
    now: datetime,
    status: RegistrationStatus,
    registration_event_orchestration_service: RegistrationEventOrchestrationService,
    registration_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    random_registration = create_random_registration(faker, now, status=status)
    random_seconds = faker.pyfloat(min_value=0.01, max_value=600)
    settled_registration = random_registration.model_copy(
        update={"settled_at": random_registration.created_at + timedelta(seconds=random_seconds)}
    )
    input_event = create_random_outcome_event(
        faker,
        now,
        concern=Concern.CONTACT,
        failed=status is RegistrationStatus.FAILED,
        correlation_id=settled_registration.id,
    )
    registration_processing_service.record_concern_outcomes.return_value = [settled_registration]
    expected_seconds = (
        settled_registration.settled_at - settled_registration.created_at  # type: ignore[operator]
    ).total_seconds()

    expected_state = (
        ConcernState.FAILED if status is RegistrationStatus.FAILED else ConcernState.PERSISTED
    )

    # when
    await registration_event_orchestration_service.process_concern_outcome_events([input_event])

    # then: counted after the ledger said this outcome settled it, never before
    assert dependencies.mock_calls == [
        call.registration_processing_service.record_concern_outcomes(
            [
                ConcernChange(
                    settled_registration.id,
                    Concern.CONTACT.value,
                    ConcernStatus(status=expected_state, reason=input_event.data.reason),
                )
            ]
        ),
        call.metrics_broker.observe_registration_settled(status.value, expected_seconds),
    ]


async def test_should_only_log_outcome_without_correlation_id(
    *,
    faker: Faker,
    now: datetime,
    registration_event_orchestration_service: RegistrationEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given: a concern event a client published on its own, outside any registration
    input_event = create_random_outcome_event(faker, now, concern=Concern.STUDENT)

    # when
    answers = await registration_event_orchestration_service.process_concern_outcome_events(
        [input_event]
    )

    # then
    assert answers == [None]
    assert dependencies.mock_calls == [
        call.logging_broker.info(
            "concern outcome outside any registration",
            event_id=input_event.id,
            event_type=input_event.type,
        )
    ]


async def test_should_raise_validation_error_if_outcome_type_names_another_concern_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    registration_event_orchestration_service: RegistrationEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # given
    random_event = create_random_outcome_event(
        faker, now, concern=Concern.STUDENT, correlation_id=create_random_id(faker)
    )
    input_event = random_event.model_copy(update={"type": "contact.persisted.v1"})
    expected_error = RegistrationOrchestrationValidationError(
        InvalidConcernOutcomeError(
            {"type": ["Type 'contact.persisted.v1' is not an outcome of the student concern."]}
        )
    )

    # when
    [actual_error] = await registration_event_orchestration_service.process_concern_outcome_events(
        [input_event]
    )

    # then
    assert actual_error == expected_error
    assert isinstance(actual_error, RegistrationOrchestrationValidationError)
    assert dependencies.mock_calls == [
        create_error_log_call(expected_error, call.logging_broker),
    ]
