from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.contacts.exceptions.orchestrations import (
    ContactOrchestrationValidationError,
    InvalidContactStudentError,
)
from contracts.events import Concern, ConcernOutcome
from contracts.events.event_data import ContactRegistered
from services.orchestrations.contact_events import ContactEventOrchestrationService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.concerns.contacts import create_random_contact_event
from tests.unit.services.conftest import create_random_id


async def test_should_raise_validation_error_on_process_if_contact_is_of_another_student(
    *,
    faker: Faker,
    now: datetime,
    contact_event_orchestration_service: ContactEventOrchestrationService,
    student_processing_service: Mock,
    contact_processing_service: Mock,
    contact_event_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    random_event = create_random_contact_event(faker, now)
    other_student_id = create_random_id(faker)
    invalid_event = random_event.model_copy(
        update={
            "data": ContactRegistered(
                student=random_event.data.student,
                contact=random_event.data.contact.model_copy(
                    update={"student_id": other_student_id}
                ),
            )
        }
    )
    inner_error = InvalidContactStudentError(other_student_id, random_event.data.student.id)
    expected_error = ContactOrchestrationValidationError(inner_error)
    expected_failed_outcome = ConcernOutcome(
        concern=Concern.CONTACT,
        entity_id=invalid_event.data.contact.student_id,
        student_id=invalid_event.data.student.id,
        reason=str(inner_error),
    )

    # when
    contact_processing_service.ensure_contacts_exist.return_value = []
    student_processing_service.ensure_students_exist.return_value = []
    contact_event_processing_service.publish_contact_outcomes.return_value = []
    [actual_error] = await contact_event_orchestration_service.process_contact_events(
        [invalid_event]
    )

    # then: nothing is stored, and the concern is reported failed once the error is logged
    assert actual_error == expected_error
    assert dependencies.mock_calls == [
        call.student_processing_service.ensure_students_exist([]),
        call.contact_processing_service.ensure_contacts_exist([]),
        call.contact_event_processing_service.publish_contact_outcomes([]),
        create_logged_error_call(expected_error),
        call.contact_event_processing_service.publish_contact_outcome(
            expected_failed_outcome,
            cause_id=invalid_event.id,
            correlation_id=invalid_event.correlationid,
        ),
    ]
