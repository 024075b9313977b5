"""A batch of concern outcomes: one record of them all, each outcome answered in its place."""

from __future__ import annotations

from datetime import datetime, timedelta
from unittest.mock import Mock, call

from faker import Faker

from contracts.events import Concern
from contracts.registrations import ConcernChange, ConcernState, ConcernStatus, RegistrationStatus
from contracts.registrations.exceptions.foundations import FailedRegistrationStorageError
from contracts.registrations.exceptions.orchestrations import (
    RegistrationOrchestrationDependencyError,
    RegistrationOrchestrationValidationError,
)
from contracts.registrations.exceptions.processings import RegistrationProcessingDependencyError
from services.orchestrations.registration_events import RegistrationEventOrchestrationService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.conftest import create_random_id
from tests.unit.services.foundations.registrations.conftest import create_random_registration
from tests.unit.services.foundations.registrations.requests import create_random_outcome_event


async def test_should_record_each_outcome_of_a_mixed_batch_in_one_go(
    *,
    faker: Faker,
    now: datetime,
    registration_event_orchestration_service: RegistrationEventOrchestrationService,
    registration_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given: recorded; outside any registration; a type not its concern's; the store away
    recorded = create_random_outcome_event(
        faker, now, concern=Concern.STUDENT, correlation_id=create_random_id(faker)
    )
    outside = create_random_outcome_event(faker, now, concern=Concern.CONTACT)
    mistyped = create_random_outcome_event(
        faker, now, concern=Concern.LIBRARY_CARD, correlation_id=create_random_id(faker)
    ).model_copy(update={"type": "contact.persisted.v1"})
    unavailable = create_random_outcome_event(
        faker, now, concern=Concern.GUARDIAN, failed=True, correlation_id=create_random_id(faker)
    )
    input_events = [recorded, outside, mistyped, unavailable]
    storage_error = RegistrationProcessingDependencyError(
        FailedRegistrationStorageError("ConnectionFailure")
    )
    registration_processing_service.record_concern_outcomes.return_value = [None, storage_error]
    expected_changes = [
        ConcernChange(
            recorded.correlationid or "", "student", ConcernStatus(status=ConcernState.PERSISTED)
        ),
        ConcernChange(
            unavailable.correlationid or "",
            f"guardian:{unavailable.data.entity_id}",
            ConcernStatus(status=ConcernState.FAILED, reason=unavailable.data.reason),
        ),
    ]
    expected_unavailable = RegistrationOrchestrationDependencyError(storage_error.inner_error)

    # when
    actual_results = await registration_event_orchestration_service.process_concern_outcome_events(
        input_events
    )

    # then
    actual_mistyped = actual_results[2]
    assert isinstance(actual_mistyped, RegistrationOrchestrationValidationError)
    assert actual_results == [None, None, actual_mistyped, expected_unavailable]
    assert dependencies.mock_calls == [
        call.logging_broker.info(
            "concern outcome outside any registration",
            event_id=outside.id,
            event_type=outside.type,
        ),
        call.registration_processing_service.record_concern_outcomes(expected_changes),
        create_logged_error_call(actual_mistyped),
        create_logged_error_call(expected_unavailable),
    ]


async def test_should_observe_each_settled_registration_of_a_batch_once(
    *,
    faker: Faker,
    now: datetime,
    registration_event_orchestration_service: RegistrationEventOrchestrationService,
    registration_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given: two outcomes of one registration; the processing says the first one settled it
    random_registration = create_random_registration(faker, now, status=RegistrationStatus.FAILED)
    random_seconds = faker.pyfloat(min_value=0.01, max_value=600)
    settled = random_registration.model_copy(
        update={"settled_at": random_registration.created_at + timedelta(seconds=random_seconds)}
    )
    input_events = [
        create_random_outcome_event(
            faker, now, concern=concern, failed=True, correlation_id=settled.id
        )
        for concern in (Concern.STUDENT, Concern.CONTACT)
    ]
    registration_processing_service.record_concern_outcomes.return_value = [settled, None]
    expected_seconds = (settled.settled_at - settled.created_at).total_seconds()  # type: ignore[operator]

    # when
    actual_results = await registration_event_orchestration_service.process_concern_outcome_events(
        input_events
    )

    # then: counted once, after the ledger said which outcome settled it
    assert actual_results == [None, None]
    assert dependencies.mock_calls == [
        call.registration_processing_service.record_concern_outcomes(
            [
                ConcernChange(
                    settled.id,
                    concern.value,
                    ConcernStatus(status=ConcernState.FAILED, reason=event.data.reason),
                )
                for concern, event in zip(
                    (Concern.STUDENT, Concern.CONTACT), input_events, strict=True
                )
            ]
        ),
        call.metrics_broker.observe_registration_settled("failed", expected_seconds),
    ]
