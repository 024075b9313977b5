from services.foundations.student_events.student_event_service import (
    STUDENT_WORKER,
    StudentEventService,
)

__all__ = ["STUDENT_WORKER", "StudentEventService"]
