from services.processings.library_card_events.library_card_event_processing_service import (
    LibraryCardEventProcessingService,
)

__all__ = ["LibraryCardEventProcessingService"]
