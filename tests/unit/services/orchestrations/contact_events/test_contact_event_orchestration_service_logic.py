from __future__ import annotations

from unittest.mock import Mock, call

from services.orchestrations.contact_events import ContactEventOrchestrationService


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
