from services.orchestrations.contact_events.contact_event_orchestration_service import (
    ContactEventOrchestrationService,
)

__all__ = ["ContactEventOrchestrationService"]
