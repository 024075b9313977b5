from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from brokers.queues import IncomingMessage
from contracts.events import (
    LIBRARY_CARD_REQUESTED,
    ConcernOutcome,
    LibraryCardRequestedEvent,
    OutcomePublication,
)
from contracts.workers import LIBRARY_CARD_WORKER
from services.foundations.events import EventBatchHandler, EventService, parse_event, parse_events
from services.foundations.library_card_events.library_card_event_service_exceptions import (
    try_catch_each_library_card_event,
    try_catch_library_card_event,
)


class LibraryCardEventService(EventService):
    def listen_to_library_card_requested_events(
        self, handler: Callable[[LibraryCardRequestedEvent], Awaitable[None]]
    ) -> None:
        self.listen_to_events(
            LIBRARY_CARD_WORKER,
            LIBRARY_CARD_REQUESTED,
            self.map_to_library_card_requested_event,
            handler,
        )

    def listen_to_library_card_requested_event_batches(
        self, handler: EventBatchHandler[LibraryCardRequestedEvent]
    ) -> None:
        self.listen_to_event_batches(
            LIBRARY_CARD_WORKER,
            LIBRARY_CARD_REQUESTED,
            self.map_to_library_card_requested_events,
            handler,
        )

    @try_catch_library_card_event
    async def map_to_library_card_requested_event(
        self, message: IncomingMessage
    ) -> LibraryCardRequestedEvent:
        return parse_event(LibraryCardRequestedEvent, message)

    @try_catch_each_library_card_event
    async def map_to_library_card_requested_events(
        self, messages: Sequence[IncomingMessage]
    ) -> list[LibraryCardRequestedEvent | Exception]:
        return parse_events(LibraryCardRequestedEvent, messages)

    @try_catch_library_card_event
    async def publish_library_card_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.publish_outcome(outcome, cause_id=cause_id, correlation_id=correlation_id)

    @try_catch_each_library_card_event
    async def publish_library_card_outcomes(
        self, publications: Sequence[OutcomePublication]
    ) -> list[Exception | None]:
        return await self.publish_outcomes(publications)
