"""A trace goes from publisher to consumer in the AMQP headers, alike in memory and on RabbitMQ."""

from __future__ import annotations

import asyncio
import secrets
import uuid
from collections.abc import Sequence

import pytest
import structlog
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from brokers.queues import IncomingMessage, RetryLater, Settlement
from brokers.queues.batches import Batching
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


async def test_should_keep_each_batched_message_in_its_own_trace(
    make_broker: BrokerFactory,
    tracing: OpenTelemetryTracingBroker,
    exporter: InMemorySpanExporter,
) -> None:
    # given: a batch handler publishing one follow-up per message, as a concern worker does
    broker = await make_broker(tracing=tracing, batching=Batching(size=10, linger=0.2))
    await broker.declare_topology([STUDENTS])
    followed: list[IncomingMessage] = []

    async def handle_batch(messages: Sequence[IncomingMessage]) -> list[Settlement | None]:
        await asyncio.gather(
            *(broker.publish(outgoing(UPDATED, correlation_id=m.correlation_id)) for m in messages)
        )
        return [None for _ in messages]

    async def follow(message: IncomingMessage) -> None:
        followed.append(message)

    broker.listen_batch("student", REGISTERED, handle_batch)
    broker.listen("student", UPDATED, follow)
    traces = {secrets.token_hex(16): str(uuid.uuid4()) for _ in range(4)}
    for trace_id, correlation_id in traces.items():
        traceparent = f"00-{trace_id}-{secrets.token_hex(8)}-01"
        with tracing.continue_trace({"traceparent": traceparent}, "caller", "server"):
            await broker.publish(outgoing(REGISTERED, correlation_id=correlation_id))

    # when
    await broker.start_consuming()

    async def all_followed() -> bool:
        return len(followed) == len(traces)

    await eventually(all_followed)
    await broker.stop_consuming()

    # then: each follow-up is in the trace of the message it follows, not the batch's
    for message in followed:
        trace_id = str(message.headers["traceparent"]).split("-")[1]
        assert traces[trace_id] == message.correlation_id
    consumers = spans_named(exporter, f"{REGISTERED} process")
    assert {trace.format_trace_id(span.context.trace_id) for span in consumers} == set(traces)
    batches = spans_named(exporter, f"{REGISTERED} process batch")
    assert sum(len(span.links) for span in batches) == len(traces)
