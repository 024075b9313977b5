"""What the ingress needs from the registration acceptance orchestration, and nothing more."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from contracts.registrations import Registration, RegistrationRequest

# Which backing service answers right now, by name: {"broker": True, "storage": False}.
Readiness = Callable[[], Awaitable[dict[str, bool]]]


class RegistrationAcceptance(Protocol):
    """Accepts registrations (publishing them) and reads their status from the ledger.

    Both raise only ``CategorizedError``s: the ingress maps each category to a status code.
    Declared as returning awaitables (rather than ``async def``) so that methods wrapped by a
    service's error-mapping decorator, typed that way, satisfy the protocol too.
    """

    def accept_registration(
        self, request: RegistrationRequest, registration_id: str
    ) -> Awaitable[Registration]:
        """Publish the request under ``registration_id`` (confirmed) and record it as pending.

        An id already known is not published again: its ledger entry is returned as it is.
        """
        ...

    def retrieve_registration_by_id(self, registration_id: str) -> Awaitable[Registration]:
        """The ledger entry of ``registration_id``; a ``NotFound…`` validation error if none."""
        ...
