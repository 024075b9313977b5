"""An outcome to publish with what it answers: the event that caused it and its registration."""

from __future__ import annotations

from dataclasses import dataclass

from contracts.events.event_data import ConcernOutcome


@dataclass(frozen=True, slots=True)
class OutcomePublication:
    outcome: ConcernOutcome
    cause_id: str
    correlation_id: str | None
