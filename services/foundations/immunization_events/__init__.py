from contracts.workers import IMMUNIZATION_WORKER
from services.foundations.immunization_events.immunization_event_service import (
    ImmunizationEventService,
)

__all__ = ["IMMUNIZATION_WORKER", "ImmunizationEventService"]
