from services.foundations.events.event_service import (
    EVENT_SOURCE,
    EventBatchHandler,
    EventService,
    parse_event,
    parse_events,
)

__all__ = ["EVENT_SOURCE", "EventBatchHandler", "EventService", "parse_event", "parse_events"]
