"""Base and field types every contract shares: strict, closed to unknown fields, bounded."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, StringConstraints

# Strings are bounded so no message can make a document grow without limit.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Email = Annotated[EmailStr, StringConstraints(max_length=254)]
EntityId = Annotated[str, StringConstraints(min_length=36, max_length=36)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
# The E.164 shape is the foundation services' logical validation; the wire only bounds it.
Phone = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]
PostalCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]
# ISO 3166-1 alpha-2, upper case as the standard writes it.
CountryCode = Annotated[str, StringConstraints(min_length=2, max_length=2, pattern=r"^[A-Z]{2}$")]


class Contract(BaseModel):
    """A closed, immutable model: unknown fields are refused, never dropped or stored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=1000)


__all__ = [
    "Contract",
    "CountryCode",
    "Email",
    "EntityId",
    "LongText",
    "Name",
    "Phone",
    "PostalCode",
    "ShortText",
]
