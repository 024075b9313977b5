"""Who is calling: an API key sent as a bearer token, verified once per cache period.

A verified token is remembered for ``cache_seconds``, so the ingress does not read MongoDB per
request; a revoked key is therefore refused at most ``cache_seconds`` after its revocation.
With no active key at all, and only when listening on a loopback address, requests without
credentials are served as one anonymous local client (the ingress says so when it starts).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable
from typing import Protocol

from cachetools import TTLCache

from contracts.api_keys import Client
from contracts.errors import CategorizedError, ErrorCategory
from ingress.errors import UnauthenticatedError

ANONYMOUS = "local"
VERIFIED_TOKENS_KEPT = 10_000
REFUSED_CATEGORIES = (ErrorCategory.VALIDATION, ErrorCategory.DEPENDENCY_VALIDATION)
HAS_KEYS = "has keys"


class ApiKeys(Protocol):
    """What the ingress needs of the API key processing service."""

    def verify_api_key_token(self, token: str) -> Awaitable[Client]:
        """The token's client; a validation category error when it is not a valid, live key."""
        ...

    def has_active_api_keys(self) -> Awaitable[bool]:
        """Whether any key is not revoked."""
        ...


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ClientAuthentication:
    def __init__(self, api_keys: ApiKeys, *, open_on_loopback: bool, cache_seconds: float) -> None:
        self.api_keys = api_keys
        self.open_on_loopback = open_on_loopback
        self.cache_seconds = cache_seconds
        self._verified: TTLCache[str, Client] = TTLCache(
            VERIFIED_TOKENS_KEPT, max(cache_seconds, 1e-9)
        )
        self._has_keys: TTLCache[str, bool] = TTLCache(1, max(cache_seconds, 1e-9))

    async def client_of(self, token: str | None) -> Client:
        """The caller, or ``UnauthenticatedError``; an unavailable store raises its category."""
        if token is None:
            if self.open_on_loopback and not await self.has_active_api_keys():
                return Client(id=ANONYMOUS, name=ANONYMOUS, signing_key=ANONYMOUS)
            raise UnauthenticatedError
        if (known := self._verified.get(token)) is not None:
            return known
        try:
            client = await self.api_keys.verify_api_key_token(token)
        except CategorizedError as error:
            if error.category in REFUSED_CATEGORIES:
                raise UnauthenticatedError from error
            raise
        if self.cache_seconds > 0:
            self._verified[token] = client
        return client

    async def has_active_api_keys(self) -> bool:
        if (known := self._has_keys.get(HAS_KEYS)) is not None:
            return known
        found = await self.api_keys.has_active_api_keys()
        if self.cache_seconds > 0:
            self._has_keys[HAS_KEYS] = found
        return found
