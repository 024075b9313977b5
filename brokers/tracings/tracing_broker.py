"""The tracing broker's contract: continue a trace from a carrier, open spans, carry it on."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
        self,
        name: str,
        role: SpanRole,
        attributes: Attributes | None = None,
        key: str | None = None,
    ) -> AbstractContextManager[TracedSpan]:
        """A child of the current span, current inside the block.

        Inside ``continue_traces``, a ``key`` (correlation id) of one of the batch's messages
        makes it a child of that message's span instead.
        """
        ...

    def continue_traces(
        self,
        carriers: Sequence[Mapping[str, Any]],
        keys: Sequence[str | None],
        name: str,
        attributes: Sequence[Attributes],
    ) -> AbstractContextManager[Callable[[int], AbstractContextManager[object]]]:
        """Consumer spans for messages handled together, each in the trace its carrier names.

        Inside the block a batch span, linked to each message's, is current (a storage call
        for the whole batch belongs to it); a span started with one of ``keys`` (a correlation
        id, see ``start_span``) is a child of that message's span, so what the batch publishes
        for it carries its trace on. The block gives, for the i-th message, a context in which
        its span is current and its trace id on every log line: for its settlement.
        """
        ...

    def inject(self, headers: Mapping[str, Any]) -> dict[str, Any]:
        """A copy of ``headers`` carrying the current span's context (``traceparent``)."""
        ...
