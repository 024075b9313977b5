"""A batch of guardian events: one write per step, each event settled by its own result."""

from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.events import (
    Concern,
    ConcernOutcome,
    GuardianRegisteredEvent,
    OutcomePublication,
)
from contracts.guardians.exceptions.event_processings import GuardianEventProcessingDependencyError
from contracts.guardians.exceptions.events import FailedGuardianEventPublishError
from contracts.guardians.exceptions.foundations import FailedGuardianStorageError
from contracts.guardians.exceptions.orchestrations import (
    GuardianOrchestrationDependencyError,
    GuardianOrchestrationDependencyValidationError,
    GuardianOrchestrationValidationError,
    InvalidGuardianStudentError,
)
from contracts.guardians.exceptions.processings import GuardianProcessingDependencyError
from contracts.students.exceptions.processings import (
    ConflictingStudentError,
    StudentProcessingDependencyValidationError,
)
from services.orchestrations.guardian_events import GuardianEventOrchestrationService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.concerns.guardians import create_random_guardian_event
from tests.unit.services.conftest import create_random_id


def create_persisted_publication(event: GuardianRegisteredEvent) -> OutcomePublication:
    guardian = event.data.guardian
    return OutcomePublication(
        ConcernOutcome(
            concern=Concern.GUARDIAN, entity_id=guardian.id, student_id=guardian.student_id
        ),
        cause_id=event.id,
        correlation_id=event.correlationid,
    )


async def test_should_process_guardian_events_student_first_in_one_write_each(
    *,
    faker: Faker,
    now: datetime,
    guardian_event_orchestration_service: GuardianEventOrchestrationService,
    guardian_event_processing_service: Mock,
    guardian_processing_service: Mock,
    student_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    input_events = [create_random_guardian_event(faker, now) for _ in range(3)]
    input_students = [event.data.student for event in input_events]
    input_guardians = [event.data.guardian for event in input_events]
    student_processing_service.ensure_students_exist.return_value = input_students
    guardian_processing_service.ensure_guardians_exist.return_value = input_guardians
    guardian_event_processing_service.publish_guardian_outcomes.return_value = [None] * 3

    # when
    actual_results = await guardian_event_orchestration_service.process_guardian_events(
        input_events
    )

    # then
    assert actual_results == [None] * 3
    assert dependencies.mock_calls == [
        call.student_processing_service.ensure_students_exist(input_students),
        call.guardian_processing_service.ensure_guardians_exist(input_guardians),
        call.guardian_event_processing_service.publish_guardian_outcomes(
            [create_persisted_publication(event) for event in input_events]
        ),
    ]


async def test_should_give_each_guardian_event_its_own_fate_in_a_mixed_batch(
    *,
    faker: Faker,
    now: datetime,
    guardian_event_orchestration_service: GuardianEventOrchestrationService,
    guardian_event_processing_service: Mock,
    guardian_processing_service: Mock,
    student_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given: persisted; another student's guardian; its student conflicting; the guardian's
    # store away; persisted but its outcome unconfirmed
    persisted, invalid, conflicting, unstored, unpublished = input_events = [
        create_random_guardian_event(faker, now) for _ in range(5)
    ]
    invalid_guardian = invalid.data.guardian.model_copy(
        update={"student_id": create_random_id(faker)}
    )
    invalid = invalid.model_copy(
        update={"data": invalid.data.model_copy(update={"guardian": invalid_guardian})}
    )
    input_events[1] = invalid
    valid_events = [persisted, conflicting, unstored, unpublished]
    with_student = [persisted, unstored, unpublished]
    conflict_error = StudentProcessingDependencyValidationError(
        ConflictingStudentError(conflicting.data.student.id)
    )
    storage_error = GuardianProcessingDependencyError(
        FailedGuardianStorageError("ConnectionFailure")
    )
    publish_error = GuardianEventProcessingDependencyError(
        FailedGuardianEventPublishError("QueueUnavailableError")
    )
    student_processing_service.ensure_students_exist.return_value = [
        persisted.data.student,
        conflict_error,
        unstored.data.student,
        unpublished.data.student,
    ]
    guardian_processing_service.ensure_guardians_exist.return_value = [
        persisted.data.guardian,
        storage_error,
        unpublished.data.guardian,
    ]
    guardian_event_processing_service.publish_guardian_outcomes.return_value = [
        None,
        publish_error,
    ]
    expected_invalid = GuardianOrchestrationValidationError(
        InvalidGuardianStudentError(invalid_guardian.student_id, invalid.data.student.id)
    )
    expected_conflict = GuardianOrchestrationDependencyValidationError(conflict_error.inner_error)
    expected_unstored = GuardianOrchestrationDependencyError(storage_error.inner_error)
    expected_unpublished = GuardianOrchestrationDependencyError(publish_error.inner_error)

    # when
    actual_results = await guardian_event_orchestration_service.process_guardian_events(
        input_events
    )

    # then: the invalid and the conflicting end as failed; the transient ones retry alone
    assert actual_results == [
        None,
        expected_invalid,
        expected_conflict,
        expected_unstored,
        expected_unpublished,
    ]
    assert dependencies.mock_calls == [
        call.student_processing_service.ensure_students_exist(
            [event.data.student for event in valid_events]
        ),
        call.guardian_processing_service.ensure_guardians_exist(
            [event.data.guardian for event in with_student]
        ),
        call.guardian_event_processing_service.publish_guardian_outcomes(
            [create_persisted_publication(event) for event in (persisted, unpublished)]
        ),
        create_logged_error_call(expected_invalid),
        create_logged_error_call(expected_conflict),
        create_logged_error_call(expected_unstored),
        create_logged_error_call(expected_unpublished),
        *(
            call.guardian_event_processing_service.publish_guardian_outcome(
                ConcernOutcome(
                    concern=Concern.GUARDIAN,
                    entity_id=event.data.guardian.id,
                    student_id=event.data.student.id,
                    reason=str(error.inner_error),
                ),
                cause_id=event.id,
                correlation_id=event.correlationid,
            )
            for event, error in ((invalid, expected_invalid), (conflicting, expected_conflict))
        ),
    ]
