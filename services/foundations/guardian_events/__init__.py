from contracts.workers import GUARDIAN_WORKER
from services.foundations.guardian_events.guardian_event_service import (
    GuardianEventService,
)

__all__ = ["GUARDIAN_WORKER", "GuardianEventService"]
