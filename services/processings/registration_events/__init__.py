from services.processings.registration_events.registration_event_processing_service import (
    RegistrationEventProcessingService,
)

__all__ = ["RegistrationEventProcessingService"]
