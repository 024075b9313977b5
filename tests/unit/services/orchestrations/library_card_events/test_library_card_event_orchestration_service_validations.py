from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.events import Concern, ConcernOutcome
from contracts.events.event_data import LibraryCardRequested
from contracts.library_cards.exceptions.orchestrations import (
    InvalidLibraryCardStudentError,
    LibraryCardOrchestrationValidationError,
)
from services.orchestrations.library_card_events import LibraryCardEventOrchestrationService
from tests.unit.services.concerns.common import create_logged_error_call
from tests.unit.services.concerns.library_cards import create_random_library_card_event
from tests.unit.services.conftest import create_random_id


async def test_should_raise_validation_error_on_process_if_library_card_is_of_another_student(
    *,
    faker: Faker,
    now: datetime,
    library_card_event_orchestration_service: LibraryCardEventOrchestrationService,
    student_processing_service: Mock,
    library_card_processing_service: Mock,
    library_card_event_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    random_event = create_random_library_card_event(faker, now)
    other_student_id = create_random_id(faker)
    invalid_event = random_event.model_copy(
        update={
            "data": LibraryCardRequested(
                student=random_event.data.student,
                library_card=random_event.data.library_card.model_copy(
                    update={"student_id": other_student_id}
                ),
            )
        }
    )
    inner_error = InvalidLibraryCardStudentError(other_student_id, random_event.data.student.id)
    expected_error = LibraryCardOrchestrationValidationError(inner_error)
    expected_failed_outcome = ConcernOutcome(
        concern=Concern.LIBRARY_CARD,
        entity_id=invalid_event.data.library_card.id,
        student_id=invalid_event.data.student.id,
        reason=str(inner_error),
    )

    # when
    library_card_processing_service.ensure_library_cards_issued.return_value = []
    student_processing_service.ensure_students_exist.return_value = []
    library_card_event_processing_service.publish_library_card_outcomes.return_value = []
    [actual_error] = await library_card_event_orchestration_service.process_library_card_events(
        [invalid_event]
    )

    # then: nothing is stored, and the concern is reported failed once the error is logged
    assert actual_error == expected_error
    assert dependencies.mock_calls == [
        call.student_processing_service.ensure_students_exist([]),
        call.library_card_processing_service.ensure_library_cards_issued([]),
        call.library_card_event_processing_service.publish_library_card_outcomes([]),
        create_logged_error_call(expected_error),
        call.library_card_event_processing_service.publish_library_card_outcome(
            expected_failed_outcome,
            cause_id=invalid_event.id,
            correlation_id=invalid_event.correlationid,
        ),
    ]
