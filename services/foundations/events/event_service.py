"""What every event service does alike: publish events and outcomes as CloudEvents.

An entity's event service (``StudentEventService``, …) subclasses this with its worker, its
event types and its error family; the orchestrations only see the entity-named methods.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.queues import BatchResult, IncomingMessage, OutgoingMessage, QueueBroker
from contracts.events import (
    CloudEvent,
    ConcernOutcome,
    OutcomePublication,
    failed_type,
    persisted_type,
)
from contracts.events.cloud_event import CLOUD_EVENTS_CONTENT_TYPE
from contracts.model import Contract
from services.try_catch import attempt_each

EVENT_SOURCE = "urn:culdesac:workers"

EventT = TypeVar("EventT")
DataT = TypeVar("DataT", bound=Contract)
ModelT = TypeVar("ModelT", bound=BaseModel)

# Parametrizing a generic model looks it up anew each time; the envelope of any data is built once.
ANY_CLOUD_EVENT: type[CloudEvent[Any]] = CloudEvent[Any]

# Answers a batch of events with each one's error, or None, in its place.
EventBatchHandler = Callable[[Sequence[EventT]], Awaitable[Sequence[Exception | None]]]
EventBatchMapping = Callable[[Sequence[IncomingMessage]], Awaitable[Sequence[EventT | Exception]]]


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

    def listen_to_event_batches(
        self,
        worker: str,
        event_type: str,
        map_to_events: Callable[
            [Sequence[IncomingMessage]], Awaitable[Sequence[EventT | Exception]]
        ],
        handler: Callable[[Sequence[EventT]], Awaitable[Sequence[Exception | None]]],
    ) -> None:
        """Hand ``event_type`` messages to ``handler`` in batches, parsed.

        A message that does not parse keeps its error and never reaches ``handler``; every
        other message gets what ``handler`` answered for its event.
        """

        async def on_messages(messages: Sequence[IncomingMessage]) -> list[BatchResult]:
            events = await map_to_events(messages)
            parsed = [event for event in events if not isinstance(event, Exception)]
            handled = await handler(parsed) if parsed else []
            answers = iter(handled)
            return [event if isinstance(event, Exception) else next(answers) for event in events]

        self.queue_broker.listen_batch(worker, event_type, on_messages)

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
        model: type[CloudEvent[Any]] = event_model or ANY_CLOUD_EVENT
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

    async def publish_outcomes(
        self, publications: Sequence[OutcomePublication]
    ) -> list[Exception | None]:
        """Publish every outcome at once, their confirms awaited together; each one's error."""
        published = await asyncio.gather(
            *(
                self.publish_outcome(
                    publication.outcome,
                    cause_id=publication.cause_id,
                    correlation_id=publication.correlation_id,
                )
                for publication in publications
            ),
            return_exceptions=True,
        )
        return [error_of(result) for result in published]

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


def error_of(result: object) -> Exception | None:
    """A gathered call's error, if any; a cancellation is not an answer, so it goes on up."""
    if isinstance(result, Exception):
        return result
    if isinstance(result, BaseException):
        raise result
    return None


def parse_event(model: type[ModelT], message: IncomingMessage) -> ModelT:
    """The message's event, validated as its routing key's type."""
    return model.model_validate_json(message.body, context={"event_type": message.routing_key})


def parse_events(
    model: type[ModelT], messages: Sequence[IncomingMessage]
) -> list[ModelT | Exception]:
    """Each message's event, or the error it failed to parse with, in its place."""
    return attempt_each(functools.partial(parse_event, model), messages)
