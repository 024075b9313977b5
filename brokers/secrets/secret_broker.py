"""Secrets: new random ones, their digests, keyed signatures, and constant-time comparison."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Protocol

SECRET_BYTES = 32


class SecretBroker(Protocol):
    """What services need of cryptography, so none of them imports it."""

    def get_secret(self) -> str:
        """A new URL-safe secret of 256 random bits."""
        ...

    def get_digest(self, text: str) -> str:
        """The SHA-256 of ``text`` (UTF-8), in hex: for high-entropy secrets and fingerprints."""
        ...

    def get_signature(self, key: str, text: str) -> str:
        """The HMAC-SHA-256 of ``text`` under ``key``, in hex."""
        ...

    def digests_match(self, left: str, right: str) -> bool:
        """Whether two digests are equal, in time that does not depend on where they differ."""
        ...


class HashlibSecretBroker:
    def get_secret(self) -> str:
        return secrets.token_urlsafe(SECRET_BYTES)

    def get_digest(self, text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()

    def get_signature(self, key: str, text: str) -> str:
        return hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest()

    def digests_match(self, left: str, right: str) -> bool:
        return hmac.compare_digest(left.encode(), right.encode())
