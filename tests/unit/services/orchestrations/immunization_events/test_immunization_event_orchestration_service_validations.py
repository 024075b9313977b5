from __future__ import annotations

from datetime import datetime, timedelta
from unittest.mock import Mock, call

from faker import Faker

from contracts.events import Concern, ConcernOutcome
from contracts.events.event_data import ImmunizationRecorded
from contracts.immunizations.exceptions.foundations import InvalidImmunizationError
from contracts.immunizations.exceptions.orchestrations import (
    ImmunizationOrchestrationValidationError,
    InvalidImmunizationStudentError,
)
from services.orchestrations.immunization_events import ImmunizationEventOrchestrationService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.concerns.immunizations import create_random_immunization_event
from tests.unit.services.conftest import create_random_id


async def test_should_raise_validation_error_on_process_if_immunization_is_of_another_student(
    *,
    faker: Faker,
    now: datetime,
    immunization_event_orchestration_service: ImmunizationEventOrchestrationService,
    student_processing_service: Mock,
    immunization_processing_service: Mock,
    immunization_event_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    random_event = create_random_immunization_event(faker, now)
    other_student_id = create_random_id(faker)
    invalid_event = random_event.model_copy(
        update={
            "data": ImmunizationRecorded(
                student=random_event.data.student,
                immunization=random_event.data.immunization.model_copy(
                    update={"student_id": other_student_id}
                ),
            )
        }
    )
    inner_error = InvalidImmunizationStudentError(other_student_id, random_event.data.student.id)
    expected_error = ImmunizationOrchestrationValidationError(inner_error)
    expected_failed_outcome = ConcernOutcome(
        concern=Concern.IMMUNIZATION,
        entity_id=invalid_event.data.immunization.id,
        student_id=invalid_event.data.student.id,
        reason=str(inner_error),
    )

    # when
    immunization_processing_service.ensure_immunizations_exist.return_value = []
    student_processing_service.ensure_students_exist.return_value = []
    immunization_event_processing_service.publish_immunization_outcomes.return_value = []
    [actual_error] = await immunization_event_orchestration_service.process_immunization_events(
        [invalid_event]
    )

    # then: nothing is stored, and the concern is reported failed once the error is logged
    assert actual_error == expected_error
    assert dependencies.mock_calls == [
        call.student_processing_service.ensure_students_exist([]),
        call.immunization_processing_service.ensure_immunizations_exist([]),
        call.immunization_event_processing_service.publish_immunization_outcomes([]),
        create_logged_error_call(expected_error),
        call.immunization_event_processing_service.publish_immunization_outcome(
            expected_failed_outcome,
            cause_id=invalid_event.id,
            correlation_id=invalid_event.correlationid,
        ),
    ]


async def test_should_raise_validation_error_on_process_if_immunization_is_before_birth(
    *,
    faker: Faker,
    now: datetime,
    immunization_event_orchestration_service: ImmunizationEventOrchestrationService,
    student_processing_service: Mock,
    immunization_processing_service: Mock,
    immunization_event_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    random_event = create_random_immunization_event(faker, now)
    student = random_event.data.student
    days_before_birth = faker.random_int(min=1, max=365)
    invalid_event = random_event.model_copy(
        update={
            "data": ImmunizationRecorded(
                student=student,
                immunization=random_event.data.immunization.model_copy(
                    update={
                        "administered_on": student.date_of_birth - timedelta(days=days_before_birth)
                    }
                ),
            )
        }
    )
    inner_error = InvalidImmunizationError(
        {"administered_on": ["Date must not be before the student's date of birth."]}
    )
    expected_error = ImmunizationOrchestrationValidationError(inner_error)
    expected_failed_outcome = ConcernOutcome(
        concern=Concern.IMMUNIZATION,
        entity_id=invalid_event.data.immunization.id,
        student_id=student.id,
        reason=str(inner_error),
    )

    # when
    immunization_processing_service.ensure_immunizations_exist.return_value = []
    student_processing_service.ensure_students_exist.return_value = []
    immunization_event_processing_service.publish_immunization_outcomes.return_value = []
    [actual_error] = await immunization_event_orchestration_service.process_immunization_events(
        [invalid_event]
    )

    # then: neither the student nor the immunization is stored
    assert actual_error == expected_error
    assert dependencies.mock_calls == [
        call.student_processing_service.ensure_students_exist([]),
        call.immunization_processing_service.ensure_immunizations_exist([]),
        call.immunization_event_processing_service.publish_immunization_outcomes([]),
        create_logged_error_call(expected_error),
        call.immunization_event_processing_service.publish_immunization_outcome(
            expected_failed_outcome,
            cause_id=invalid_event.id,
            correlation_id=invalid_event.correlationid,
        ),
    ]
