from services.foundations.immunization_events.immunization_event_service import (
    IMMUNIZATION_WORKER,
    ImmunizationEventService,
)

__all__ = ["IMMUNIZATION_WORKER", "ImmunizationEventService"]
