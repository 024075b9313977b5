"""What the ingress needs from the registration acceptance orchestration, and nothing more."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from contracts.api_keys import Client
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
        self, request: RegistrationRequest, client: Client, idempotency_key: str | None
    ) -> Awaitable[Registration]:
        """Record the request as pending for ``client``, then publish it (confirmed).

        The same ``idempotency_key`` with the same body gives the same entry (published again);
        with another body a validation error, and while still in flight an ``InFlight…`` one.
        """
        ...

    def retrieve_registration_by_id(
        self, registration_id: str, client: Client
    ) -> Awaitable[Registration]:
        """The entry of ``registration_id``; a ``NotFound…`` error if none or not ``client``'s."""
        ...
