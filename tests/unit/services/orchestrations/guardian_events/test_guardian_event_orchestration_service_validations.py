from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.events import Concern, ConcernOutcome
from contracts.events.event_data import GuardianRegistered
from contracts.guardians.exceptions.orchestrations import (
    GuardianOrchestrationValidationError,
    InvalidGuardianStudentError,
)
from services.orchestrations.guardian_events import GuardianEventOrchestrationService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.concerns.guardians import create_random_guardian_event
from tests.unit.services.conftest import create_random_id


async def test_should_raise_validation_error_on_process_if_guardian_is_of_another_student(
    *,
    faker: Faker,
    now: datetime,
    guardian_event_orchestration_service: GuardianEventOrchestrationService,
    student_processing_service: Mock,
    guardian_processing_service: Mock,
    guardian_event_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    random_event = create_random_guardian_event(faker, now)
    other_student_id = create_random_id(faker)
    invalid_event = random_event.model_copy(
        update={
            "data": GuardianRegistered(
                student=random_event.data.student,
                guardian=random_event.data.guardian.model_copy(
                    update={"student_id": other_student_id}
                ),
            )
        }
    )
    inner_error = InvalidGuardianStudentError(other_student_id, random_event.data.student.id)
    expected_error = GuardianOrchestrationValidationError(inner_error)
    expected_failed_outcome = ConcernOutcome(
        concern=Concern.GUARDIAN,
        entity_id=invalid_event.data.guardian.id,
        student_id=invalid_event.data.student.id,
        reason=str(inner_error),
    )

    # when
    guardian_processing_service.ensure_guardians_exist.return_value = []
    student_processing_service.ensure_students_exist.return_value = []
    guardian_event_processing_service.publish_guardian_outcomes.return_value = []
    [actual_error] = await guardian_event_orchestration_service.process_guardian_events(
        [invalid_event]
    )

    # then: nothing is stored, and the concern is reported failed once the error is logged
    assert actual_error == expected_error
    assert dependencies.mock_calls == [
        call.student_processing_service.ensure_students_exist([]),
        call.guardian_processing_service.ensure_guardians_exist([]),
        call.guardian_event_processing_service.publish_guardian_outcomes([]),
        create_logged_error_call(expected_error),
        call.guardian_event_processing_service.publish_guardian_outcome(
            expected_failed_outcome,
            cause_id=invalid_event.id,
            correlation_id=invalid_event.correlationid,
        ),
    ]
