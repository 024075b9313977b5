from contracts.workers import LIBRARY_CARD_WORKER
from services.foundations.library_card_events.library_card_event_service import (
    LibraryCardEventService,
)

__all__ = ["LIBRARY_CARD_WORKER", "LibraryCardEventService"]
