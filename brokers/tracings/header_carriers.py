"""Reading a trace's context out of AMQP and HTTP headers, whose values may be bytes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from opentelemetry.propagators.textmap import Getter


class HeadersGetter(Getter[Mapping[str, Any]]):
    """Header values as the propagator wants them: text, whatever the client decoded them to."""

    def get(self, carrier: Mapping[str, Any], key: str) -> list[str] | None:
        value = carrier.get(key)
        if value is None:
            return None
        if isinstance(value, bytes):
            return [value.decode(errors="replace")]
        return [str(value)]

    def keys(self, carrier: Mapping[str, Any]) -> list[str]:
        return [str(key) for key in carrier]


HEADERS_GETTER = HeadersGetter()
