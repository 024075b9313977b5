from contracts.workers import REGISTRATION_WORKER
from services.foundations.registration_events.registration_event_service import (
    RegistrationEventService,
)

__all__ = ["REGISTRATION_WORKER", "RegistrationEventService"]
