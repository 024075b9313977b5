from __future__ import annotations

import secrets
from http import HTTPStatus

import httpx
from fastapi import FastAPI, Response
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from brokers.tracings import OpenTelemetryTracingBroker
from ingress.tracing import install_tracing


def traced_app() -> tuple[FastAPI, InMemorySpanExporter, list[dict[str, object]]]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider(shutdown_on_exit=False)
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing = OpenTelemetryTracingBroker(provider)
    published: list[dict[str, object]] = []
    app = FastAPI()

    @app.post("/v1/registrations/{registration_id}", status_code=HTTPStatus.ACCEPTED)
    async def accept(registration_id: str, response: Response) -> dict[str, str]:
        # what the acceptance's publish does: carry the current trace in the headers
        published.append(tracing.inject({}))
        if registration_id == "refused":
            response.status_code = HTTPStatus.SERVICE_UNAVAILABLE
        return {}

    install_tracing(app, tracing)
    return app, exporter, published


async def test_should_continue_the_callers_traceparent_into_what_the_request_publishes() -> None:
    # given
    app, exporter, published = traced_app()
    trace_id, caller_span = secrets.token_hex(16), secrets.token_hex(8)
    transport = httpx.ASGITransport(app=app)

    # when
    async with httpx.AsyncClient(transport=transport, base_url="http://ingress") as client:
        response = await client.post(
            "/v1/registrations/abc", headers={"traceparent": f"00-{trace_id}-{caller_span}-01"}
        )

    # then: named by route template, never by the raw path
    (span,) = exporter.get_finished_spans()
    assert response.status_code == HTTPStatus.ACCEPTED
    assert span.name == "POST /v1/registrations/{registration_id}"
    assert span.kind is trace.SpanKind.SERVER
    assert trace.format_trace_id(span.context.trace_id) == trace_id
    assert span.parent is not None
    assert trace.format_span_id(span.parent.span_id) == caller_span
    assert dict(span.attributes or {}) == {
        "http.request.method": "POST",
        "http.response.status_code": HTTPStatus.ACCEPTED,
        "http.route": "/v1/registrations/{registration_id}",
    }
    assert published == [
        {"traceparent": f"00-{trace_id}-{trace.format_span_id(span.context.span_id)}-01"}
    ]


async def test_should_start_a_trace_for_a_request_without_traceparent() -> None:
    # given
    app, exporter, published = traced_app()
    transport = httpx.ASGITransport(app=app)

    # when
    async with httpx.AsyncClient(transport=transport, base_url="http://ingress") as client:
        response = await client.post("/v1/registrations/refused")

    # then
    (span,) = exporter.get_finished_spans()
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert span.parent is None
    assert (span.attributes or {})["http.response.status_code"] == HTTPStatus.SERVICE_UNAVAILABLE
    (headers,) = published
    assert str(headers["traceparent"]).split("-")[1] == trace.format_trace_id(span.context.trace_id)
