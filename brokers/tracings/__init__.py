from brokers.tracings.open_telemetry_tracing_broker import (
    OpenTelemetryTracingBroker,
    create_tracer_provider,
    export_configured,
)
from brokers.tracings.tracing_broker import SpanRole, TracedSpan, TracingBroker

__all__ = [
    "OpenTelemetryTracingBroker",
    "SpanRole",
    "TracedSpan",
    "TracingBroker",
    "create_tracer_provider",
    "export_configured",
]
