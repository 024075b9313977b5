from services.foundations.contact_events.contact_event_service import (
    CONTACT_WORKER,
    ContactEventService,
)

__all__ = ["CONTACT_WORKER", "ContactEventService"]
