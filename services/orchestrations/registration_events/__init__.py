from services.orchestrations.registration_events.registration_event_orchestration_service import (
    RegistrationEventOrchestrationService,
)

__all__ = ["RegistrationEventOrchestrationService"]
