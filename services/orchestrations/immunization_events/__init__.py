from services.orchestrations.immunization_events.immunization_event_orchestration_service import (
    ImmunizationEventOrchestrationService,
)

__all__ = ["ImmunizationEventOrchestrationService"]
