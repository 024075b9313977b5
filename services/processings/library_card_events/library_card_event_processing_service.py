from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from brokers.loggings import LoggingBroker
from contracts.events import ConcernOutcome, LibraryCardRequestedEvent, OutcomePublication
from services.foundations.events import EventBatchHandler
from services.foundations.library_card_events import LibraryCardEventService
from services.processings.library_card_events.library_card_event_processing_service_exceptions import (  # noqa: E501
    try_catch_each_library_card_event_processing,
    try_catch_library_card_event_processing,
)


class LibraryCardEventProcessingService:
    """Pass-through, so the orchestration above combines processing services only (Florance)."""

    def __init__(
        self, library_card_event_service: LibraryCardEventService, logging_broker: LoggingBroker
    ) -> None:
        self.library_card_event_service = library_card_event_service
        self.logging_broker = logging_broker

    def listen_to_library_card_requested_events(
        self, handler: Callable[[LibraryCardRequestedEvent], Awaitable[None]]
    ) -> None:
        self.library_card_event_service.listen_to_library_card_requested_events(handler)

    def listen_to_library_card_requested_event_batches(
        self, handler: EventBatchHandler[LibraryCardRequestedEvent]
    ) -> None:
        self.library_card_event_service.listen_to_library_card_requested_event_batches(handler)

    @try_catch_each_library_card_event_processing
    async def publish_library_card_outcomes(
        self, publications: Sequence[OutcomePublication]
    ) -> list[Exception | None]:
        return list(
            await self.library_card_event_service.publish_library_card_outcomes(publications)
        )

    @try_catch_library_card_event_processing
    async def publish_library_card_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.library_card_event_service.publish_library_card_outcome(
            outcome, cause_id=cause_id, correlation_id=correlation_id
        )
