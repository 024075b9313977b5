from services.processings.guardian_events.guardian_event_processing_service import (
    GuardianEventProcessingService,
)

__all__ = ["GuardianEventProcessingService"]
