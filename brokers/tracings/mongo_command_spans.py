"""A client span for each MongoDB command, opened and closed by PyMongo's command monitoring."""

from __future__ import annotations

import threading

from opentelemetry import trace
from pymongo import monitoring

# Only what says which operation it was: never the command's documents or filter values.
DB_SYSTEM = "db.system"
DB_OPERATION = "db.operation.name"
DB_COLLECTION = "db.collection.name"


class MongoCommandSpans(monitoring.CommandListener):
    """Each command's span is a child of the span current where the command was sent.

    PyMongo tells start and end by request id; the spans in between are kept by that key.
    """

    def __init__(self, tracer: trace.Tracer) -> None:
        self._tracer = tracer
        self._open: dict[tuple[object, int], trace.Span] = {}
        self._lock = threading.Lock()

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        collection = event.command.get(event.command_name)
        attributes: dict[str, str] = {DB_SYSTEM: "mongodb", DB_OPERATION: event.command_name}
        if isinstance(collection, str):
            attributes[DB_COLLECTION] = collection
        span = self._tracer.start_span(
            event.command_name, kind=trace.SpanKind.CLIENT, attributes=attributes
        )
        with self._lock:
            self._open[key_of(event)] = span

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        span = self._take(event)
        if span is not None:
            span.end()

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        span = self._take(event)
        if span is not None:
            # The failure's kind alone: a driver's message may quote stored values.
            span.set_status(trace.Status(trace.StatusCode.ERROR, event.failure.get("codeName")))
            span.end()

    def _take(
        self, event: monitoring.CommandSucceededEvent | monitoring.CommandFailedEvent
    ) -> trace.Span | None:
        with self._lock:
            return self._open.pop(key_of(event), None)


def key_of(
    event: monitoring.CommandStartedEvent
    | monitoring.CommandSucceededEvent
    | monitoring.CommandFailedEvent,
) -> tuple[object, int]:
    # Request ids are unique per connection.
    return (event.connection_id, event.request_id)
