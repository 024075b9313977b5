from services.foundations.events.event_service import (
    EVENT_SOURCE,
    EventBatchHandler,
    EventService,
)

__all__ = ["EVENT_SOURCE", "EventBatchHandler", "EventService"]
