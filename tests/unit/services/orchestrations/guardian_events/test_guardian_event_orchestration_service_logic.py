from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.events import Concern, ConcernOutcome
from services.orchestrations.guardian_events import GuardianEventOrchestrationService
from tests.unit.services.concerns.guardians import create_random_guardian_event


def test_should_listen_to_guardian_events_in_batches(
    *,
    guardian_event_orchestration_service: GuardianEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # when
    guardian_event_orchestration_service.listen_to_guardian_events()

    # then
    assert dependencies.mock_calls == [
        call.guardian_event_processing_service.listen_to_guardian_registered_event_batches(
            guardian_event_orchestration_service.process_guardian_events
        )
    ]


async def test_should_process_guardian_event(
    *,
    faker: Faker,
    now: datetime,
    guardian_event_orchestration_service: GuardianEventOrchestrationService,
    guardian_processing_service: Mock,
    student_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    random_event = create_random_guardian_event(faker, now)
    input_event = random_event
    input_student = input_event.data.student
    input_guardian = input_event.data.guardian
    stored_student = input_student.model_copy(deep=True)
    stored_guardian = input_guardian.model_copy(deep=True)
    student_processing_service.ensure_student_exists.return_value = stored_student
    guardian_processing_service.ensure_guardian_exists.return_value = stored_guardian
    expected_outcome = ConcernOutcome(
        concern=Concern.GUARDIAN, entity_id=input_guardian.id, student_id=input_student.id
    )

    # when
    await guardian_event_orchestration_service.process_guardian_event(input_event)

    # then: the student first, so the guardian never depends on the student worker having run
    assert dependencies.mock_calls == [
        call.student_processing_service.ensure_student_exists(input_student),
        call.guardian_processing_service.ensure_guardian_exists(input_guardian),
        call.guardian_event_processing_service.publish_guardian_outcome(
            expected_outcome, cause_id=input_event.id, correlation_id=input_event.correlationid
        ),
    ]
