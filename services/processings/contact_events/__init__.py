from services.processings.contact_events.contact_event_processing_service import (
    ContactEventProcessingService,
)

__all__ = ["ContactEventProcessingService"]
