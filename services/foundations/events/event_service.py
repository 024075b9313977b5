"""What every event service does alike: publish events and outcomes as CloudEvents.

An entity's event service (``StudentEventService``, …) subclasses this with its worker, its
event types and its error family; the orchestrations only see the entity-named methods.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, TypeVar

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.queues import IncomingMessage, OutgoingMessage, QueueBroker
from contracts.events import CloudEvent, ConcernOutcome, failed_type, persisted_type
from contracts.events.cloud_event import CLOUD_EVENTS_CONTENT_TYPE
from contracts.model import Contract

EVENT_SOURCE = "urn:culdesac:workers"

EventT = TypeVar("EventT")
DataT = TypeVar("DataT", bound=Contract)


class EventService:
    def __init__(
        self,
        queue_broker: QueueBroker,
        identifier_broker: IdentifierBroker,
        date_time_broker: DateTimeBroker,
        logging_broker: LoggingBroker,
    ) -> None:
        self.queue_broker = queue_broker
        self.identifier_broker = identifier_broker
        self.date_time_broker = date_time_broker
        self.logging_broker = logging_broker

    def listen_to_events(
        self,
        worker: str,
        event_type: str,
        map_to_event: Callable[[IncomingMessage], Awaitable[EventT]],
        handler: Callable[[EventT], Awaitable[None]],
    ) -> None:
        """Hand every ``event_type`` message on ``worker``'s queue to ``handler``, parsed."""

        async def on_message(message: IncomingMessage) -> None:
            await handler(await map_to_event(message))

        self.queue_broker.listen(worker, event_type, on_message)

    async def publish_event(
        self,
        event_type: str,
        data: DataT,
        *,
        event_id: str,
        correlation_id: str | None,
        event_model: type[CloudEvent[DataT]] | None = None,
        time: datetime | None = None,
    ) -> CloudEvent[DataT]:
        """Publish ``data`` as a CloudEvent of ``event_type`` (confirmed); returns the event.

        ``time`` dates the event when the caller fixed it already (else: now).
        """
        model: type[CloudEvent[Any]] = event_model or CloudEvent[Any]
        event = model(
            specversion="1.0",
            id=event_id,
            source=EVENT_SOURCE,
            type=event_type,
            time=time or self.date_time_broker.get_current_date_time(),
            data=data,
            correlationid=correlation_id,
        )
        await self.queue_broker.publish(
            OutgoingMessage(
                routing_key=event_type,
                body=event.to_bytes(),
                message_id=event_id,
                correlation_id=correlation_id,
                content_type=CLOUD_EVENTS_CONTENT_TYPE,
            )
        )
        return event

    async def publish_outcome(
        self, outcome: ConcernOutcome, *, cause_id: str, correlation_id: str | None
    ) -> None:
        """Publish ``<concern>.persisted.v1`` or, with a reason, ``<concern>.failed.v1``.

        The id derives from the event that caused it, so a redelivery republishes the same one.
        """
        event_type = (
            failed_type(outcome.concern) if outcome.reason else persisted_type(outcome.concern)
        )
        event_id = self.identifier_broker.get_derived_identifier(event_type, cause_id)
        await self.publish_event(
            event_type, outcome, event_id=event_id, correlation_id=correlation_id
        )
