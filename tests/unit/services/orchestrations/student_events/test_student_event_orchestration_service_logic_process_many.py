"""A batch of student events: one ensure, one publish of all outcomes, each event's own fate."""

from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.events import Concern, ConcernOutcome, OutcomePublication
from contracts.students.exceptions.event_processings import StudentEventProcessingDependencyError
from contracts.students.exceptions.events import FailedStudentEventPublishError
from contracts.students.exceptions.foundations import (
    AlreadyExistsStudentError,
    FailedStudentStorageError,
)
from contracts.students.exceptions.orchestrations import (
    StudentOrchestrationDependencyError,
    StudentOrchestrationDependencyValidationError,
)
from contracts.students.exceptions.processings import (
    StudentProcessingDependencyError,
    StudentProcessingDependencyValidationError,
)
from services.orchestrations.student_events import StudentEventOrchestrationService
from tests.unit.services.conftest import (
    create_error_log_call,
    create_random_id,
    create_random_student_event,
)


def create_persisted_publication(
    student_id: str, cause_id: str, correlation_id: str | None
) -> OutcomePublication:
    return OutcomePublication(
        ConcernOutcome(concern=Concern.STUDENT, entity_id=student_id, student_id=student_id),
        cause_id=cause_id,
        correlation_id=correlation_id,
    )


async def test_should_process_student_events(
    *,
    faker: Faker,
    now: datetime,
    student_event_orchestration_service: StudentEventOrchestrationService,
    student_processing_service: Mock,
    student_event_processing_service: Mock,
    all_calls: Mock,
) -> None:
    # given
    input_events = [
        create_random_student_event(faker, now, create_random_id(faker)) for _ in range(3)
    ]
    input_students = [event.data for event in input_events]
    stored_students = [student.model_copy(deep=True) for student in input_students]
    student_processing_service.ensure_students_exist.return_value = stored_students
    student_event_processing_service.publish_student_outcomes.return_value = [None] * 3
    expected_publications = [
        create_persisted_publication(event.data.id, event.id, event.correlationid)
        for event in input_events
    ]

    # when
    actual_results = await student_event_orchestration_service.process_student_events(input_events)

    # then: persisted first, and only then announced, all in one go
    assert actual_results == [None] * 3
    assert all_calls.mock_calls == [
        call.student_processing_service.ensure_students_exist(input_students),
        call.student_event_processing_service.publish_student_outcomes(expected_publications),
    ]


async def test_should_give_each_student_event_its_own_fate_in_a_mixed_batch(
    *,
    faker: Faker,
    now: datetime,
    student_event_orchestration_service: StudentEventOrchestrationService,
    student_processing_service: Mock,
    student_event_processing_service: Mock,
    all_calls: Mock,
) -> None:
    # given: persisted, refused (taken email), storage away, persisted but its publish failed
    persisted, refused, _, unpublished = input_events = [
        create_random_student_event(faker, now, create_random_id(faker)) for _ in range(4)
    ]
    input_students = [event.data for event in input_events]
    refused_error = StudentProcessingDependencyValidationError(AlreadyExistsStudentError("email"))
    unavailable_error = StudentProcessingDependencyError(
        FailedStudentStorageError("ConnectionFailure")
    )
    publish_error = StudentEventProcessingDependencyError(
        FailedStudentEventPublishError("QueueUnavailableError")
    )
    student_processing_service.ensure_students_exist.return_value = [
        persisted.data.model_copy(deep=True),
        refused_error,
        unavailable_error,
        unpublished.data.model_copy(deep=True),
    ]
    student_event_processing_service.publish_student_outcomes.return_value = [None, publish_error]
    expected_refused = StudentOrchestrationDependencyValidationError(refused_error.inner_error)
    expected_unavailable = StudentOrchestrationDependencyError(unavailable_error.inner_error)
    expected_unpublished = StudentOrchestrationDependencyError(publish_error.inner_error)
    expected_failed_outcome = ConcernOutcome(
        concern=Concern.STUDENT,
        entity_id=refused.data.id,
        student_id=refused.data.id,
        reason=str(refused_error.inner_error),
    )

    # when
    actual_results = await student_event_orchestration_service.process_student_events(input_events)

    # then: only the refused one ends as failed; the transient ones are retried, alone
    assert actual_results == [None, expected_refused, expected_unavailable, expected_unpublished]
    assert all_calls.mock_calls == [
        call.student_processing_service.ensure_students_exist(input_students),
        call.student_event_processing_service.publish_student_outcomes(
            [
                create_persisted_publication(e.data.id, e.id, e.correlationid)
                for e in (persisted, unpublished)
            ]
        ),
        create_error_log_call(expected_refused, call.logging_broker),
        create_error_log_call(expected_unavailable, call.logging_broker),
        create_error_log_call(expected_unpublished, call.logging_broker),
        call.student_event_processing_service.publish_student_outcome(
            expected_failed_outcome, cause_id=refused.id, correlation_id=refused.correlationid
        ),
    ]
