from services.processings.immunization_events.immunization_event_processing_service import (
    ImmunizationEventProcessingService,
)

__all__ = ["ImmunizationEventProcessingService"]
