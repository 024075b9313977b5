from services.orchestrations.student_events.student_event_orchestration_service import (
    StudentEventOrchestrationService,
)

__all__ = ["StudentEventOrchestrationService"]
