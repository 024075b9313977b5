from __future__ import annotations

from unittest.mock import Mock, call

from services.orchestrations.guardian_events import GuardianEventOrchestrationService


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
