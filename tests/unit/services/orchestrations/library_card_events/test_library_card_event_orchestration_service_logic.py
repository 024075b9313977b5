from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from contracts.events import Concern, ConcernOutcome
from services.orchestrations.library_card_events import LibraryCardEventOrchestrationService
from tests.unit.services.concerns.library_cards import (
    create_random_library_card,
    create_random_library_card_event,
)


def test_should_listen_to_library_card_events_in_batches(
    *,
    library_card_event_orchestration_service: LibraryCardEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # when
    library_card_event_orchestration_service.listen_to_library_card_events()

    # then
    assert dependencies.mock_calls == [
        call.library_card_event_processing_service.listen_to_library_card_requested_event_batches(
            library_card_event_orchestration_service.process_library_card_events
        )
    ]


async def test_should_process_library_card_event(
    *,
    faker: Faker,
    now: datetime,
    library_card_event_orchestration_service: LibraryCardEventOrchestrationService,
    library_card_processing_service: Mock,
    student_processing_service: Mock,
    dependencies: Mock,
) -> None:
    # given
    random_event = create_random_library_card_event(faker, now)
    input_event = random_event
    input_student = input_event.data.student
    input_request = input_event.data.library_card
    stored_student = input_student.model_copy(deep=True)
    issued_library_card = create_random_library_card(faker, input_student.id, now).model_copy(
        update={"id": input_request.id}
    )
    student_processing_service.ensure_student_exists.return_value = stored_student
    library_card_processing_service.ensure_library_card_issued.return_value = issued_library_card
    expected_outcome = ConcernOutcome(
        concern=Concern.LIBRARY_CARD, entity_id=issued_library_card.id, student_id=input_student.id
    )

    # when
    await library_card_event_orchestration_service.process_library_card_event(input_event)

    # then: the student first, so the library_card never depends on the student worker having run
    assert dependencies.mock_calls == [
        call.student_processing_service.ensure_student_exists(input_student),
        call.library_card_processing_service.ensure_library_card_issued(input_request),
        call.library_card_event_processing_service.publish_library_card_outcome(
            expected_outcome, cause_id=input_event.id, correlation_id=input_event.correlationid
        ),
    ]
