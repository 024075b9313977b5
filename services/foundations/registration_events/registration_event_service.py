from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from brokers.queues import IncomingMessage
from contracts.events import (
    OUTCOME_TYPES,
    REGISTRATION_REQUESTED,
    ConcernOutcomeEvent,
    EventPublication,
    RegistrationRequested,
    RegistrationRequestedEvent,
)
from contracts.model import Contract
from contracts.workers import REGISTRATION_WORKER
from services.foundations.events import EventBatchHandler, EventService, parse_events
from services.foundations.registration_events.registration_event_service_exceptions import (
    try_catch_each_registration_event,
    try_catch_registration_event,
)
from services.try_catch import gather_each

DataT = TypeVar("DataT", bound=Contract)


class RegistrationEventService(EventService):
    """The registration worker's events: requests and concern outcomes in, the fan-out out.

    Every publishing method takes its event id, so that the caller can derive it and a
    redelivered request publishes exactly the same events; each returns the event it published.
    """

    def listen_to_registration_requested_event_batches(
        self, handler: EventBatchHandler[RegistrationRequestedEvent]
    ) -> None:
        self.listen_to_event_batches(
            REGISTRATION_WORKER,
            REGISTRATION_REQUESTED,
            self.map_to_registration_requested_events,
            handler,
        )

    def listen_to_concern_outcome_event_batches(
        self, handler: EventBatchHandler[ConcernOutcomeEvent]
    ) -> None:
        for outcome_type in OUTCOME_TYPES:
            self.listen_to_event_batches(
                REGISTRATION_WORKER, outcome_type, self.map_to_concern_outcome_events, handler
            )

    @try_catch_each_registration_event
    async def map_to_registration_requested_events(
        self, messages: Sequence[IncomingMessage]
    ) -> list[RegistrationRequestedEvent | Exception]:
        return parse_events(RegistrationRequestedEvent, messages)

    @try_catch_each_registration_event
    async def map_to_concern_outcome_events(
        self, messages: Sequence[IncomingMessage]
    ) -> list[ConcernOutcomeEvent | Exception]:
        return parse_events(ConcernOutcomeEvent, messages)

    @try_catch_registration_event
    async def publish_registration_requested(
        self,
        registration_requested: RegistrationRequested,
        *,
        event_id: str,
        requested_at: datetime,
    ) -> RegistrationRequestedEvent:
        """Dated ``requested_at``, the ledger entry's time: a replay publishes the same event."""
        return await self.publish_event(
            REGISTRATION_REQUESTED,
            registration_requested,
            event_id=event_id,
            correlation_id=registration_requested.registration_id,
            event_model=RegistrationRequestedEvent,
            time=requested_at,
        )

    @try_catch_each_registration_event
    async def publish_fan_outs(
        self, fan_outs: Sequence[Sequence[EventPublication]]
    ) -> list[Exception | None]:
        """Every event of every fan-out at once, their confirms awaited together.

        Each fan-out is answered with the first error among its publishes, or ``None``: every
        publish finishes before, so a retry of the request republishes them all, same ids.
        """
        published = iter(
            await gather_each(
                self.publish_event(
                    publication.event_type,
                    publication.data,
                    event_id=publication.event_id,
                    correlation_id=publication.correlation_id,
                )
                for fan_out in fan_outs
                for publication in fan_out
            )
        )
        answers: list[Exception | None] = []
        for fan_out in fan_outs:
            results = [next(published) for _ in fan_out]
            answers.append(next((r for r in results if isinstance(r, Exception)), None))
        return answers
