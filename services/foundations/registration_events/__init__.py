from services.foundations.registration_events.registration_event_service import (
    REGISTRATION_WORKER,
    RegistrationEventService,
)

__all__ = ["REGISTRATION_WORKER", "RegistrationEventService"]
