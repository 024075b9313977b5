from services.foundations.events.event_service import EVENT_SOURCE, EventService

__all__ = ["EVENT_SOURCE", "EventService"]
