from __future__ import annotations

from unittest.mock import Mock, call

from services.orchestrations.library_card_events import LibraryCardEventOrchestrationService


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
