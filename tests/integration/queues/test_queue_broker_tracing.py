"""A trace goes from publisher to consumer in the AMQP headers, alike in memory and on RabbitMQ."""

from __future__ import annotations

import secrets

import pytest
import structlog
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from brokers.queues import IncomingMessage, RetryLater, Settlement
from brokers.tracings import OpenTelemetryTracingBroker
from tests.integration.queues.conftest import STUDENTS, BrokerFactory, outgoing
from tests.integration.queues.waiting import eventually

REGISTERED = "student.registered.v1"
UPDATED = "student.updated.v1"


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def tracing(exporter: InMemorySpanExporter) -> OpenTelemetryTracingBroker:
    provider = TracerProvider(shutdown_on_exit=False)
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return OpenTelemetryTracingBroker(provider)


def spans_named(exporter: InMemorySpanExporter, name: str) -> list[ReadableSpan]:
    return [span for span in exporter.get_finished_spans() if span.name == name]


async def test_should_continue_the_publishers_trace_in_each_delivery_and_what_it_publishes(
    make_broker: BrokerFactory,
    tracing: OpenTelemetryTracingBroker,
    exporter: InMemorySpanExporter,
) -> None:
    # given: a handler that publishes a follow-up and retries the first delivery once
    broker = await make_broker(tracing=tracing)
    await broker.declare_topology([STUDENTS])
    received: list[tuple[IncomingMessage, dict[str, object]]] = []

    async def handle(message: IncomingMessage) -> Settlement | None:
        received.append((message, structlog.contextvars.get_contextvars()))
        if message.routing_key == REGISTERED and message.attempt == 1:
            return RetryLater(0.2)
        if message.routing_key == REGISTERED:
            await broker.publish(outgoing(UPDATED))
        return None

    broker.listen("student", REGISTERED, handle)
    broker.listen("student", UPDATED, handle)
    await broker.start_consuming()
    trace_id, caller_span = secrets.token_hex(16), secrets.token_hex(8)

    # when
    with tracing.continue_trace({"traceparent": f"00-{trace_id}-{caller_span}-01"}, "t", "server"):
        await broker.publish(outgoing(REGISTERED))

    async def all_received() -> bool:
        return len(received) == 3

    await eventually(all_received)
    await broker.stop_consuming()

    # then: every delivery (the retried one too) is in the trace, and so are its log lines
    assert [message.routing_key for message, _ in received] == [REGISTERED, REGISTERED, UPDATED]
    for message, log_context in received:
        assert str(message.headers["traceparent"]).split("-")[1] == trace_id
        assert log_context["trace_id"] == trace_id
    first_publish, follow_up_publish = (
        *spans_named(exporter, f"{REGISTERED} publish"),
        *spans_named(exporter, f"{UPDATED} publish"),
    )
    processing = spans_named(exporter, f"{REGISTERED} process")
    (updated_processing,) = spans_named(exporter, f"{UPDATED} process")
    assert len(processing) == 2
    for span in processing:
        assert span.kind is trace.SpanKind.CONSUMER
        assert span.parent is not None
        assert span.parent.span_id == first_publish.context.span_id
    assert follow_up_publish.parent is not None
    assert follow_up_publish.parent.span_id == processing[1].context.span_id
    assert updated_processing.parent is not None
    assert updated_processing.parent.span_id == follow_up_publish.context.span_id
    assert {span.context.trace_id for span in exporter.get_finished_spans()} == {int(trace_id, 16)}
