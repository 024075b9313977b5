from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from brokers.queues import IncomingMessage
from contracts.events import (
    IMMUNIZATION_RECORDED,
    ConcernOutcome,
    ImmunizationRecordedEvent,
    OutcomePublication,
)
from contracts.workers import IMMUNIZATION_WORKER
from services.foundations.events import EventBatchHandler, EventService, parse_event, parse_events
from services.foundations.immunization_events.immunization_event_service_exceptions import (
    try_catch_each_immunization_event,
    try_catch_immunization_event,
)


class ImmunizationEventService(EventService):
    def listen_to_immunization_recorded_events(
        self, handler: Callable[[ImmunizationRecordedEvent], Awaitable[None]]
    ) -> None:
        self.listen_to_events(
            IMMUNIZATION_WORKER,
            IMMUNIZATION_RECORDED,
            self.map_to_immunization_recorded_event,
            handler,
        )

    def listen_to_immunization_recorded_event_batches(
        self, handler: EventBatchHandler[ImmunizationRecordedEvent]
    ) -> None:
        self.listen_to_event_batches(
            IMMUNIZATION_WORKER,
            IMMUNIZATION_RECORDED,
            self.map_to_immunization_recorded_events,
            handler,
        )

    @try_catch_immunization_event
    async def map_to_immunization_recorded_event(
        self, message: IncomingMessage
    ) -> ImmunizationRecordedEvent:
        return parse_event(ImmunizationRecordedEvent, message)

    @try_catch_each_immunization_event
    async def map_to_immunization_recorded_events(
        self, messages: Sequence[IncomingMessage]
    ) -> list[ImmunizationRecordedEvent | Exception]:
        return parse_events(ImmunizationRecordedEvent, messages)

    @try_catch_immunization_event
    async def publish_immunization_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        await self.publish_outcome(outcome, cause_id=cause_id, correlation_id=correlation_id)

    @try_catch_each_immunization_event
    async def publish_immunization_outcomes(
        self, publications: Sequence[OutcomePublication]
    ) -> list[Exception | None]:
        return await self.publish_outcomes(publications)
