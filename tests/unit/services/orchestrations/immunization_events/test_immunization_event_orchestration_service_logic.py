from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.events import Concern, ConcernOutcome
from services.orchestrations.immunization_events import ImmunizationEventOrchestrationService
from tests.unit.services.concerns.immunizations import create_random_immunization_event


def test_should_listen_to_immunization_events_in_batches(
    *,
    immunization_event_orchestration_service: ImmunizationEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # when
    immunization_event_orchestration_service.listen_to_immunization_events()

    # then
    assert dependencies.mock_calls == [
        call.immunization_event_processing_service.listen_to_immunization_recorded_event_batches(
            immunization_event_orchestration_service.process_immunization_events
        )
    ]


async def test_should_process_immunization_event(
    *,
    faker: Faker,
    now: datetime,
    immunization_event_orchestration_service: ImmunizationEventOrchestrationService,
    immunization_processing_service: Mock,
    student_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    random_event = create_random_immunization_event(faker, now)
    input_event = random_event
    input_student = input_event.data.student
    input_immunization = input_event.data.immunization
    stored_student = input_student.model_copy(deep=True)
    stored_immunization = input_immunization.model_copy(deep=True)
    student_processing_service.ensure_student_exists.return_value = stored_student
    immunization_processing_service.ensure_immunization_exists.return_value = stored_immunization
    expected_outcome = ConcernOutcome(
        concern=Concern.IMMUNIZATION, entity_id=input_immunization.id, student_id=input_student.id
    )

    # when
    await immunization_event_orchestration_service.process_immunization_event(input_event)

    # then: the student first, so the immunization never depends on the student worker having run
    assert dependencies.mock_calls == [
        call.student_processing_service.ensure_student_exists(input_student),
        call.immunization_processing_service.ensure_immunization_exists(input_immunization),
        call.immunization_event_processing_service.publish_immunization_outcome(
            expected_outcome, cause_id=input_event.id, correlation_id=input_event.correlationid
        ),
    ]
