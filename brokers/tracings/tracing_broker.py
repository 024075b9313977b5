"""The tracing broker's contract: continue a trace from a carrier, open spans, carry it on."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import Any, Literal, Protocol

# What a span stands for, as the tracing backend draws it.
SpanRole = Literal["server", "consumer", "producer", "client", "internal"]
Attributes = Mapping[str, str | int | float | bool]


class TracedSpan(Protocol):
    """The span a block runs in, for what is only known once the block has run."""

    def update_name(self, name: str) -> None: ...

    def set_attribute(self, key: str, value: str | float | bool) -> None: ...


class TracingBroker(Protocol):
    """Traces across processes, carried in message and request headers (W3C ``traceparent``).

    Whether spans are recorded and exported is the broker's concern; propagation always works,
    so a trace that comes in goes on, and log lines inside a traced block carry its trace id.
    """

    def continue_trace(
        self,
        carrier: Mapping[str, Any],
        name: str,
        role: SpanRole,
        attributes: Attributes | None = None,
    ) -> AbstractContextManager[TracedSpan]:
        """A span for handling what ``carrier`` (headers) came with, in the trace it names.

        A new trace when the carrier names none. The span is current inside the block, and
        every log line written there has the trace's id as ``trace_id``.
        """
        ...

    def start_span(
        self, name: str, role: SpanRole, attributes: Attributes | None = None
    ) -> AbstractContextManager[TracedSpan]:
        """A child of the current span, current inside the block."""
        ...

    def inject(self, headers: Mapping[str, Any]) -> dict[str, Any]:
        """A copy of ``headers`` carrying the current span's context (``traceparent``)."""
        ...
