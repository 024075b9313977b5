"""The ingress's clients: one API key each, in ``api_keys``; the secret itself is never stored."""

from __future__ import annotations

from typing import Annotated

from pydantic import AwareDatetime, StringConstraints

from contracts.model import Contract, EntityId

# A name an operator types and reads in the access log: no spaces, no personal data expected.
ApiKeyName = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
]
SecretDigest = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class ApiKey(Contract):
    id: EntityId
    name: ApiKeyName
    # SHA-256 of the secret: the secret has 256 random bits, so no slow hash is needed.
    secret_hash: SecretDigest
    created_at: AwareDatetime
    revoked_at: AwareDatetime | None = None


class CreatedApiKey(Contract):
    """A key just created, with its token: the only time the token is known."""

    api_key: ApiKey
    token: str


class Client(Contract):
    """Who sent a request: the key's id and name, and the key registration ids derive under."""

    id: str
    name: str
    signing_key: str
