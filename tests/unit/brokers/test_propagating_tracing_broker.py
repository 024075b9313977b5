from __future__ import annotations

import secrets

import pytest
import structlog

from brokers.tracings import (
    OpenTelemetryTracingBroker,
    PropagatingTracingBroker,
    create_tracing_broker,
)

ENDPOINTS = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")


def traceparent(flags: str = "01") -> tuple[str, str]:
    trace_id, span_id = secrets.token_hex(16), secrets.token_hex(8)
    return f"00-{trace_id}-{span_id}-{flags}", trace_id


@pytest.mark.parametrize("flags", ["00", "01"])
def test_should_carry_the_trace_that_came_in_on_as_it_came(flags: str) -> None:
    # given
    broker = PropagatingTracingBroker()
    incoming, trace_id = traceparent(flags)

    # when: AMQP clients may hand header values over as bytes
    with broker.continue_trace({"traceparent": incoming.encode()}, "process", "consumer"):
        bound = structlog.contextvars.get_contextvars()
        with broker.start_span("publish", "producer"):
            carried = broker.inject({"x-culdesac-attempt": 1})
    after = structlog.contextvars.get_contextvars()

    # then
    assert carried == {"x-culdesac-attempt": 1, "traceparent": incoming}
    assert bound["trace_id"] == trace_id
    assert "trace_id" not in after


def test_should_give_a_new_trace_its_ids_unsampled_where_none_came() -> None:
    # given
    broker = PropagatingTracingBroker()

    # when
    with broker.continue_trace({}, "POST", "server"):
        bound = structlog.contextvars.get_contextvars()
        carried = broker.inject({})
    with broker.continue_trace({}, "POST", "server"):
        other = broker.inject({})

    # then
    version, trace_id, span_id, flags = carried["traceparent"].split("-")
    assert (version, flags) == ("00", "00")
    assert trace_id == bound["trace_id"]
    assert int(trace_id, 16) != 0
    assert int(span_id, 16) != 0
    assert other["traceparent"].split("-")[1] != trace_id


def test_should_carry_each_batched_messages_trace_on_for_what_is_published_for_it() -> None:
    # given
    broker = PropagatingTracingBroker()
    (first, first_id), (second, second_id) = traceparent(), traceparent("00")
    carriers = [{"traceparent": first}, {"traceparent": second}]

    # when
    with broker.continue_traces(carriers, ["a", "b"], "process", [{}, {}]) as resumed:
        with broker.start_span("publish", "producer", key="b"):
            for_second = broker.inject({})
        with broker.start_span("publish", "producer", key="unknown"):
            for_none = broker.inject({})
        with resumed(0):
            bound = structlog.contextvars.get_contextvars()

    # then
    assert for_second == {"traceparent": second}
    assert "traceparent" not in for_none
    assert bound["trace_id"] == first_id
    assert second_id != first_id


def test_should_make_spans_only_where_an_endpoint_is_configured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given
    for variable in ENDPOINTS:
        monkeypatch.delenv(variable, raising=False)

    # when
    without = create_tracing_broker("culdesac-test")
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")
    with_endpoint = create_tracing_broker("culdesac-test")

    # then
    assert isinstance(without, PropagatingTracingBroker)
    assert isinstance(with_endpoint, OpenTelemetryTracingBroker)
    with_endpoint.shutdown()
