from __future__ import annotations

import uuid
from typing import Protocol

# Deterministic ids are UUIDv5 under this namespace, so the same inputs give the same id anywhere.
CULDESAC_ID_NAMESPACE = uuid.UUID("6f1c7c1e-54a5-4f8e-9a57-1c2d3b4e5f60")


class IdentifierBroker(Protocol):
    """Identifiers: random ones, and ones derived from a name (the same name, the same id)."""

    def get_identifier(self) -> str:
        """A new random UUID (version 4) as a string."""
        ...

    def get_derived_identifier(self, *parts: str) -> str:
        """A UUID (version 5) derived from ``parts``: the same parts always give the same id."""
        ...


class UuidIdentifierBroker:
    def get_identifier(self) -> str:
        return str(uuid.uuid4())

    def get_derived_identifier(self, *parts: str) -> str:
        return str(uuid.uuid5(CULDESAC_ID_NAMESPACE, "/".join(parts)))
