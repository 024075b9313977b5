from __future__ import annotations

from unittest.mock import Mock, call

from services.orchestrations.immunization_events import ImmunizationEventOrchestrationService


def test_should_listen_to_immunization_events_in_batches(
    *,
    immunization_event_orchestration_service: ImmunizationEventOrchestrationService,
    dependencies: Mock,
) -> None:
    # when
    immunization_event_orchestration_service.listen_to_immunization_events()

    # then
    assert dependencies.mock_calls == [
        call.immunization_event_processing_service.listen_to_immunization_recorded_event_batches(
            immunization_event_orchestration_service.process_immunization_events
        )
    ]
