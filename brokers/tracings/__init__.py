from brokers.tracings.open_telemetry_tracing_broker import (
    OpenTelemetryTracingBroker,
    PropagatingTracingBroker,
    create_tracer_provider,
    create_tracing_broker,
    export_configured,
)
from brokers.tracings.tracing_broker import SpanRole, TracedSpan, TracingBroker

__all__ = [
    "OpenTelemetryTracingBroker",
    "PropagatingTracingBroker",
    "SpanRole",
    "TracedSpan",
    "TracingBroker",
    "create_tracer_provider",
    "create_tracing_broker",
    "export_configured",
]
