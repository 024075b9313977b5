"""A processing's batch ensure, written once: what the store kept, checked against the ask."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def conflicts_marked(
    wanted: Sequence[T],
    stored: Sequence[T | Exception],
    conflict: Callable[[T], Exception],
    matches: Callable[[T, T], bool] = operator.eq,
) -> list[T | Exception]:
    """Each stored item, or ``conflict(wanted)`` where the store kept another under its id.

    ``stored`` answers ``wanted`` item by item; an error in it stays that item's error.
    ``matches(stored, wanted)`` tells an item stored already as it was asked for.
    """
    return [
        result if isinstance(result, Exception) or matches(result, item) else conflict(item)
        for item, result in zip(wanted, stored, strict=True)
    ]
