"""The one rule of what a failure does to its message: retried, retried a few times, or final.

The delivery policy settles messages by it, and the services report a concern as failed by it
(the moment its message is dead-lettered at once).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from contracts.errors import ErrorCategory


class Redelivery(StrEnum):
    # A service that is away (broker, storage): transient by nature, retried as long as it takes.
    UNBOUNDED = "unbounded"
    # A bug below, or a blink it cannot tell apart: a bounded number of retries, then dead.
    BOUNDED = "bounded"
    # Invalid input, or input the dependency refused: no retry can help; dead-lettered at once.
    NONE = "none"


REDELIVERIES: Mapping[ErrorCategory, Redelivery] = {
    ErrorCategory.DEPENDENCY: Redelivery.UNBOUNDED,
    ErrorCategory.SERVICE: Redelivery.BOUNDED,
    ErrorCategory.VALIDATION: Redelivery.NONE,
    ErrorCategory.DEPENDENCY_VALIDATION: Redelivery.NONE,
}


def redelivery_of(category: ErrorCategory) -> Redelivery:
    return REDELIVERIES[category]


def is_final(category: ErrorCategory) -> bool:
    """Whether a failure of ``category`` is dead-lettered at its first attempt."""
    return redelivery_of(category) is Redelivery.NONE
