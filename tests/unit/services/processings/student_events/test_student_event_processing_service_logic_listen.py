from __future__ import annotations

from unittest.mock import Mock, call

from contracts.events import StudentRegisteredEvent
from services.processings.student_events import StudentEventProcessingService


async def test_should_listen_to_student_registered_events(
    *,
    student_event_processing_service: StudentEventProcessingService,
    student_event_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    async def input_handler(event: StudentRegisteredEvent) -> None:
        raise AssertionError(event)  # never called: only registered

    # when
    student_event_processing_service.listen_to_student_registered_events(input_handler)

    # then
    assert student_event_service.mock_calls == [
        call.listen_to_student_registered_events(input_handler)
    ]
    assert logging_broker.mock_calls == []
