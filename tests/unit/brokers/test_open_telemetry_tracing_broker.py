from __future__ import annotations

import datetime as dt
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
import structlog
from opentelemetry import trace
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from pymongo import monitoring

from brokers.tracings import OpenTelemetryTracingBroker, create_tracer_provider

CONNECTION = ("127.0.0.1", 27017)
SAMPLED = 0x01


def recording_broker() -> tuple[OpenTelemetryTracingBroker, InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider(shutdown_on_exit=False)
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return OpenTelemetryTracingBroker(provider), exporter


def random_traceparent() -> tuple[str, str, str]:
    trace_id, span_id = secrets.token_hex(16), secrets.token_hex(8)
    return f"00-{trace_id}-{span_id}-01", trace_id, span_id


def test_should_continue_the_trace_its_carrier_names_and_bind_its_id_to_log_lines() -> None:
    # given
    broker, exporter = recording_broker()
    traceparent, trace_id, span_id = random_traceparent()
    # AMQP clients may hand header values over as bytes
    input_headers = {"traceparent": traceparent.encode(), "x-culdesac-attempt": 1}

    # when
    with broker.continue_trace(input_headers, "student.registered.v1 process", "consumer"):
        bound = structlog.contextvars.get_contextvars()
        carried = broker.inject({"x-culdesac-attempt": 1})
    after = structlog.contextvars.get_contextvars()

    # then
    (span,) = exporter.get_finished_spans()
    assert span.name == "student.registered.v1 process"
    assert span.kind is trace.SpanKind.CONSUMER
    assert trace.format_trace_id(span.context.trace_id) == trace_id
    assert span.parent is not None
    assert trace.format_span_id(span.parent.span_id) == span_id
    assert bound["trace_id"] == trace_id
    assert "trace_id" not in after
    assert carried == {
        "x-culdesac-attempt": 1,
        "traceparent": f"00-{trace_id}-{trace.format_span_id(span.context.span_id)}-01",
    }


def test_should_start_a_trace_if_the_carrier_names_none() -> None:
    # given
    broker, exporter = recording_broker()

    # when
    with broker.continue_trace({}, "POST", "server"):
        bound = structlog.contextvars.get_contextvars()
        with broker.start_span("registration.requested.v1 publish", "producer"):
            carried = broker.inject({})

    # then
    child, root = exporter.get_finished_spans()
    assert root.parent is None
    assert child.parent is not None
    assert child.parent.span_id == root.context.span_id
    assert child.kind is trace.SpanKind.PRODUCER
    assert bound["trace_id"] == trace.format_trace_id(root.context.trace_id)
    assert carried["traceparent"].split("-")[1:3] == [
        trace.format_trace_id(root.context.trace_id),
        trace.format_span_id(child.context.span_id),
    ]


def test_should_record_nothing_but_pass_ids_on_without_an_endpoint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given
    for variable in ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"):
        monkeypatch.delenv(variable, raising=False)
    provider = create_tracer_provider("culdesac-test")
    broker = OpenTelemetryTracingBroker(provider)

    # when
    with broker.continue_trace({}, "POST", "server") as span:
        carried = broker.inject({})

    # then: a bare id, not sampled, still propagated so the logs correlate
    context = span.get_span_context()  # type: ignore[attr-defined]
    assert not span.is_recording()  # type: ignore[attr-defined]
    assert context.is_valid
    assert not int(carried["traceparent"].split("-")[3], 16) & SAMPLED
    provider.shutdown()


class CollectorHandler(BaseHTTPRequestHandler):
    received: ClassVar[list[tuple[str, str, bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.path, self.headers["Content-Type"], body))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def test_should_export_over_otlp_when_an_endpoint_is_configured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given: a collector standing in, on a port of its own
    collector = ThreadingHTTPServer(("127.0.0.1", 0), CollectorHandler)
    threading.Thread(target=collector.serve_forever, daemon=True).start()
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", f"http://127.0.0.1:{collector.server_port}")
    monkeypatch.delenv("OTEL_SERVICE_NAME", raising=False)
    provider = create_tracer_provider("culdesac-test")
    broker = OpenTelemetryTracingBroker(provider)
    traceparent, trace_id, _ = random_traceparent()

    # when
    try:
        with broker.continue_trace({"traceparent": traceparent}, "POST", "server"):
            pass
        provider.force_flush()
    finally:
        provider.shutdown()
        collector.shutdown()
        collector.server_close()

    # then
    ((path, content_type, body),) = CollectorHandler.received
    assert (path, content_type) == ("/v1/traces", "application/x-protobuf")
    request = ExportTraceServiceRequest.FromString(body)
    (resource_spans,) = request.resource_spans
    service = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
    assert service["service.name"] == "culdesac-test"
    (span,) = resource_spans.scope_spans[0].spans
    assert (span.name, span.trace_id.hex()) == ("POST", trace_id)


def test_should_open_a_client_span_per_mongo_command_under_the_current_span() -> None:
    # given
    broker, exporter = recording_broker()
    listener = broker.mongo_command_spans()
    command = {"update": "registrations", "updates": [{"q": {"_id": "secret"}}]}

    # when
    with broker.continue_trace({}, "contact.persisted.v1 process", "consumer"):
        listener.started(monitoring.CommandStartedEvent(command, "culdesac", 7, CONNECTION, 7))
        listener.started(
            monitoring.CommandStartedEvent({"find": "registrations"}, "culdesac", 8, CONNECTION, 8)
        )
        listener.succeeded(
            monitoring.CommandSucceededEvent(
                dt.timedelta(milliseconds=2), {"ok": 1}, "update", 7, CONNECTION, 7
            )
        )
        listener.failed(
            monitoring.CommandFailedEvent(
                dt.timedelta(milliseconds=3),
                {"ok": 0, "codeName": "NetworkTimeout", "errmsg": "host db-1 said no"},
                "find",
                8,
                CONNECTION,
                8,
            )
        )

    # then
    update, find, consumer = exporter.get_finished_spans()
    for span in (update, find):
        assert span.kind is trace.SpanKind.CLIENT
        assert span.parent is not None
        assert span.parent.span_id == consumer.context.span_id
    assert update.name == "update"
    assert dict(update.attributes or {}) == {
        "db.system": "mongodb",
        "db.operation.name": "update",
        "db.collection.name": "registrations",
    }
    assert find.status.status_code is trace.StatusCode.ERROR
    assert find.status.description == "NetworkTimeout"
