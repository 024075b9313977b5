from services.foundations.guardian_events.guardian_event_service import (
    GUARDIAN_WORKER,
    GuardianEventService,
)

__all__ = ["GUARDIAN_WORKER", "GuardianEventService"]
