from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.events import Concern, ConcernOutcome
from services.orchestrations.contact_events import ContactEventOrchestrationService
from tests.unit.services.concerns.contacts import create_random_contact_event


def test_should_listen_to_contact_events_in_batches(
    *,
    contact_event_orchestration_service: ContactEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # when
    contact_event_orchestration_service.listen_to_contact_events()

    # then
    assert dependencies.mock_calls == [
        call.contact_event_processing_service.listen_to_contact_registered_event_batches(
            contact_event_orchestration_service.process_contact_events
        )
    ]


async def test_should_process_contact_event(
    *,
    faker: Faker,
    now: datetime,
    contact_event_orchestration_service: ContactEventOrchestrationService,
    contact_processing_service: Mock,
    student_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    random_event = create_random_contact_event(faker, now)
    input_event = random_event
    input_student = input_event.data.student
    input_contact = input_event.data.contact
    stored_student = input_student.model_copy(deep=True)
    stored_contact = input_contact.model_copy(deep=True)
    student_processing_service.ensure_student_exists.return_value = stored_student
    contact_processing_service.ensure_contact_exists.return_value = stored_contact
    expected_outcome = ConcernOutcome(
        concern=Concern.CONTACT, entity_id=input_contact.student_id, student_id=input_student.id
    )

    # when
    await contact_event_orchestration_service.process_contact_event(input_event)

    # then: the student first, so the contact never depends on the student worker having run
    assert dependencies.mock_calls == [
        call.student_processing_service.ensure_student_exists(input_student),
        call.contact_processing_service.ensure_contact_exists(input_contact),
        call.contact_event_processing_service.publish_contact_outcome(
            expected_outcome, cause_id=input_event.id, correlation_id=input_event.correlationid
        ),
    ]
