"""Each scenario's figures: printed as it ends, and again in the session's summary."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import pytest


@dataclass(frozen=True)
class ScenarioFigures:
    scenario: str
    accepted: int
    completed: int
    lost: int
    duplicate: int
    dead_lettered: int
    seconds: float
    notes: dict[str, float | str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


FIGURES = pytest.StashKey[list[ScenarioFigures]]()


def figures_line(figures: ScenarioFigures) -> str:
    notes = "".join(f" {name}={value}" for name, value in figures.notes.items())
    return (
        f"[faults] {figures.scenario}: accepted={figures.accepted}"
        f" completed={figures.completed} lost={figures.lost}"
        f" duplicate={figures.duplicate} dead-lettered={figures.dead_lettered}"
        f" in {figures.seconds:.1f}s{notes}"
    )
