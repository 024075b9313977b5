from services.processings.student_events.student_event_processing_service import (
    StudentEventProcessingService,
)

__all__ = ["StudentEventProcessingService"]
