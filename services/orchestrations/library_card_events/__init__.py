from services.orchestrations.library_card_events.library_card_event_orchestration_service import (
    LibraryCardEventOrchestrationService,
)

__all__ = ["LibraryCardEventOrchestrationService"]
