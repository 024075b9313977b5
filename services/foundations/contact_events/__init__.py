from contracts.workers import CONTACT_WORKER
from services.foundations.contact_events.contact_event_service import (
    ContactEventService,
)

__all__ = ["CONTACT_WORKER", "ContactEventService"]
