from __future__ import annotations

from unittest.mock import Mock, call

from services.orchestrations.student_events import StudentEventOrchestrationService


def test_should_listen_to_student_events_in_batches(
    *,
    student_event_orchestration_service: StudentEventOrchestrationService,
    student_event_processing_service: Mock,
    student_processing_service: Mock,
    logging_broker: Mock,
) -> None:
    # given
    expected_handler = student_event_orchestration_service.process_student_events

    # when
    student_event_orchestration_service.listen_to_student_events()

    # then
    assert student_event_processing_service.mock_calls == [
        call.listen_to_student_registered_event_batches(expected_handler)
    ]
    assert student_processing_service.mock_calls == []
    assert logging_broker.mock_calls == []
