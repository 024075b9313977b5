from contracts.workers import STUDENT_WORKER
from services.foundations.student_events.student_event_service import (
    StudentEventService,
)

__all__ = ["STUDENT_WORKER", "StudentEventService"]
