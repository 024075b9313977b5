from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.events import Concern, ConcernOutcome
from services.orchestrations.student_events import StudentEventOrchestrationService
from tests.unit.services.conftest import create_random_id, create_random_student_event


@pytest.mark.parametrize("has_correlation_id", [True, False])
async def test_should_process_student_event(
    *,
    faker: Faker,
    now: datetime,
    has_correlation_id: bool,
    student_event_orchestration_service: StudentEventOrchestrationService,
    student_processing_service: Mock,
    all_calls: Mock,
) -> None:
    # given
    correlation_id = create_random_id(faker) if has_correlation_id else None
    random_student_event = create_random_student_event(faker, now, correlation_id)
    input_student_event = random_student_event
    input_student = input_student_event.data
    stored_student = input_student.model_copy(deep=True)
    student_processing_service.ensure_student_exists.return_value = stored_student
    expected_outcome = ConcernOutcome(
        concern=Concern.STUDENT, entity_id=stored_student.id, student_id=stored_student.id
    )

    # when
    await student_event_orchestration_service.process_student_event(input_student_event)

    # then: persisted first, and only then announced
    assert all_calls.mock_calls == [
        call.student_processing_service.ensure_student_exists(input_student),
        call.student_event_processing_service.publish_student_outcome(
            expected_outcome, cause_id=input_student_event.id, correlation_id=correlation_id
        ),
    ]
