from __future__ import annotations

from dataclasses import dataclass

from contracts.model import Contract


@dataclass(frozen=True, slots=True)
class EventPublication:
    """One event to publish: its type (the routing key), its data, its derived id."""

    event_type: str
    data: Contract
    event_id: str
    correlation_id: str | None
