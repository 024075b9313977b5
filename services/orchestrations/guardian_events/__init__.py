from services.orchestrations.guardian_events.guardian_event_orchestration_service import (
    GuardianEventOrchestrationService,
)

__all__ = ["GuardianEventOrchestrationService"]
