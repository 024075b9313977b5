"""Tracing over OpenTelemetry: spans exported over OTLP when an endpoint is configured.

Configured through OpenTelemetry's own variables: ``OTEL_EXPORTER_OTLP_ENDPOINT`` (or
``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``) turns export on, with the exporter's other ``OTEL_*``
settings (headers, timeout) and ``OTEL_TRACES_SAMPLER``; ``OTEL_SERVICE_NAME`` names the process;
``OTEL_PROPAGATORS`` chooses the header formats (W3C trace context by default).
Without an endpoint nothing is recorded or sent, and no span is made: the ids of the trace that
came in pass on as they are (a new trace's ids where none came), for propagation and log lines.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from typing import Any

from opentelemetry import propagate, trace
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.id_generator import RandomIdGenerator
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, ParentBased

from brokers.loggings import bound_log_context
from brokers.tracings.header_carriers import HEADERS_GETTER
from brokers.tracings.mongo_command_spans import MongoCommandSpans
from brokers.tracings.tracing_broker import Attributes, SpanRole, TracedSpan, TracingBroker

# The spans of the messages a batch handles, by correlation id, for what the batch publishes.
_BATCHED: ContextVar[Mapping[str, trace.Span] | None] = ContextVar(
    "culdesac_batched_spans", default=None
)
ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT")
TRACER_NAME = "culdesac"
BATCH_SIZE = "messaging.batch.message_count"
KINDS: Mapping[SpanRole, trace.SpanKind] = {
    "server": trace.SpanKind.SERVER,
    "consumer": trace.SpanKind.CONSUMER,
    "producer": trace.SpanKind.PRODUCER,
    "client": trace.SpanKind.CLIENT,
    "internal": trace.SpanKind.INTERNAL,
}


def export_configured() -> bool:
    return any(os.environ.get(variable) for variable in ENDPOINT_VARIABLES)


def create_tracer_provider(service_name: str) -> TracerProvider:
    """The process's provider: exporting over OTLP when the environment names an endpoint."""
    # OTEL_SERVICE_NAME, when set, names the process instead.
    resource = Resource.create(
        {} if os.environ.get("OTEL_SERVICE_NAME") else {SERVICE_NAME: service_name}
    )
    if not export_configured():
        # Off: a trace that comes in sampled is recorded (and dropped, with no processor), every
        # other span is a bare id, so propagation and log correlation cost next to nothing.
        return TracerProvider(sampler=ParentBased(ALWAYS_OFF), resource=resource)
    # Imported only when used: the exporter pulls in protobuf and an HTTP client.
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    # The exporter reads its endpoint, headers and timeout from the same variables.
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    return provider


def create_tracing_broker(service_name: str) -> TracingBroker:
    """Spans exported over OTLP when the environment names an endpoint; otherwise ids only."""
    if not export_configured():
        return PropagatingTracingBroker()
    return OpenTelemetryTracingBroker(create_tracer_provider(service_name))


class OpenTelemetryTracingBroker:
    """Spans of one process, from a provider of its own (never the global one)."""

    def __init__(self, provider: TracerProvider) -> None:
        self._provider = provider
        self._tracer = provider.get_tracer(TRACER_NAME)

    def continue_trace(
        self,
        carrier: Mapping[str, Any],
        name: str,
        role: SpanRole,
        attributes: Attributes | None = None,
    ) -> AbstractContextManager[TracedSpan]:
        return self._continued(carrier, name, role, attributes)

    def start_span(
        self,
        name: str,
        role: SpanRole,
        attributes: Attributes | None = None,
        key: str | None = None,
    ) -> AbstractContextManager[TracedSpan]:
        batched = batched_span(key)
        return self._tracer.start_as_current_span(
            name,
            context=None if batched is None else trace.set_span_in_context(batched),
            kind=KINDS[role],
            attributes=attributes,
        )

    def continue_traces(
        self,
        carriers: Sequence[Mapping[str, Any]],
        keys: Sequence[str | None],
        name: str,
        attributes: Sequence[Attributes],
    ) -> AbstractContextManager[Callable[[int], AbstractContextManager[object]]]:
        return self._continued_batch(carriers, keys, name, attributes)

    def inject(self, headers: Mapping[str, Any]) -> dict[str, Any]:
        return injected(headers)

    def mongo_command_spans(self) -> MongoCommandSpans:
        """A PyMongo command listener: one client span per command, under the current span."""
        return MongoCommandSpans(self._tracer)

    def shutdown(self) -> None:
        """Send the spans still buffered; nothing more is recorded after."""
        self._provider.shutdown()

    @contextmanager
    def _continued_batch(
        self,
        carriers: Sequence[Mapping[str, Any]],
        keys: Sequence[str | None],
        name: str,
        attributes: Sequence[Attributes],
    ) -> Iterator[Callable[[int], AbstractContextManager[object]]]:
        spans = [
            self._tracer.start_span(
                name,
                context=propagate.extract(carrier, getter=HEADERS_GETTER),
                kind=trace.SpanKind.CONSUMER,
                attributes=attributes[index] if index < len(attributes) else None,
            )
            for index, carrier in enumerate(carriers)
        ]
        links = [trace.Link(span.get_span_context()) for span in spans]
        try:
            with (
                batched_spans(keys, spans),
                self._tracer.start_as_current_span(
                    f"{name} batch",
                    links=links,
                    attributes={"messaging.batch.message_count": len(spans)},
                ),
            ):
                yield lambda index: resumed(spans[index])
        finally:
            for span in spans:
                span.end()

    @contextmanager
    def _continued(
        self,
        carrier: Mapping[str, Any],
        name: str,
        role: SpanRole,
        attributes: Attributes | None,
    ) -> Iterator[trace.Span]:
        parent = propagate.extract(carrier, getter=HEADERS_GETTER)
        with (
            self._tracer.start_as_current_span(
                name, context=parent, kind=KINDS[role], attributes=attributes
            ) as span,
            bound_trace_id(span),
        ):
            yield span


class PropagatingTracingBroker:
    """Traces carried on without a span of this process: for when nothing would export them.

    Each message or request goes on in the span that sent it (its ``traceparent`` passes on as
    it came, sampled flag and all, so a process further on that exports draws its spans under
    the sender's), or in a new trace's ids where none came, so log lines still correlate. No
    sampler, span or attribute is built per message: only the ids are parsed and carried.
    """

    def __init__(self) -> None:
        self._ids = RandomIdGenerator()

    def continue_trace(
        self,
        carrier: Mapping[str, Any],
        name: str,
        role: SpanRole,
        attributes: Attributes | None = None,
    ) -> AbstractContextManager[TracedSpan]:
        del name, role, attributes  # what a span would be told; none is made
        return resumed(self._span_of(carrier))

    def start_span(
        self,
        name: str,
        role: SpanRole,
        attributes: Attributes | None = None,
        key: str | None = None,
    ) -> AbstractContextManager[TracedSpan]:
        del name, role, attributes  # what a span would be told; none is made
        batched = batched_span(key)
        if batched is None:
            return nullcontext(trace.get_current_span())
        return trace.use_span(batched, end_on_exit=False)

    def continue_traces(
        self,
        carriers: Sequence[Mapping[str, Any]],
        keys: Sequence[str | None],
        name: str,
        attributes: Sequence[Attributes],
    ) -> AbstractContextManager[Callable[[int], AbstractContextManager[object]]]:
        del name, attributes  # what the spans would be told; none is made
        return self._continued_batch(carriers, keys)

    def inject(self, headers: Mapping[str, Any]) -> dict[str, Any]:
        return injected(headers)

    @contextmanager
    def _continued_batch(
        self, carriers: Sequence[Mapping[str, Any]], keys: Sequence[str | None]
    ) -> Iterator[Callable[[int], AbstractContextManager[object]]]:
        spans = [self._span_of(carrier) for carrier in carriers]
        with batched_spans(keys, spans):
            yield lambda index: resumed(spans[index])

    def _span_of(self, carrier: Mapping[str, Any]) -> trace.Span:
        sender = trace.get_current_span(propagate.extract(carrier, getter=HEADERS_GETTER))
        if sender.get_span_context().is_valid:
            return sender
        return trace.NonRecordingSpan(
            trace.SpanContext(
                trace_id=self._ids.generate_trace_id(),
                span_id=self._ids.generate_span_id(),
                is_remote=False,
                trace_flags=trace.TraceFlags(trace.TraceFlags.DEFAULT),
            )
        )


@contextmanager
def resumed(span: trace.Span) -> Iterator[trace.Span]:
    """``span`` current inside the block, and its trace id on every log line written there."""
    with trace.use_span(span, end_on_exit=False), bound_trace_id(span):
        yield span


def bound_trace_id(span: trace.Span) -> AbstractContextManager[None]:
    """``span``'s trace id on every log line written inside the block."""
    return bound_log_context(trace_id=trace.format_trace_id(span.get_span_context().trace_id))


@contextmanager
def batched_spans(keys: Sequence[str | None], spans: Sequence[trace.Span]) -> Iterator[None]:
    """Inside the block, each keyed message's span is found by ``batched_span(key)``."""
    by_key = {key: span for key, span in zip(keys, spans, strict=True) if key is not None}
    token = _BATCHED.set({**(_BATCHED.get() or {}), **by_key})
    try:
        yield
    finally:
        _BATCHED.reset(token)


def batched_span(key: str | None) -> trace.Span | None:
    """The span of the batched message with correlation id ``key``, if one is being handled."""
    return None if key is None else (_BATCHED.get() or {}).get(key)


def injected(headers: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``headers`` carrying the current span's context."""
    carried = dict(headers)
    propagate.inject(carried)
    return carried
