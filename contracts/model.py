"""Base and field types every contract shares: strict, closed to unknown fields, bounded."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    StringConstraints,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)

# Addresses found valid, with the normalized form validation gave them; bounded.
_VALID_EMAILS: dict[str, str] = {}
_VALID_EMAILS_LIMIT = 4096


def _remember_valid_email(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """Validate an address once: a message meets the same one several times.

    email-validator takes tens of microseconds an address, and a worker validates each one
    in the event, then again in the document it stores or reads. The answer depends on the
    string alone, so a string seen valid before gets the same normalized result.
    """
    if type(value) is str and (known := _VALID_EMAILS.get(value)) is not None:
        return known
    validated = handler(value)
    if type(value) is str:
        if len(_VALID_EMAILS) >= _VALID_EMAILS_LIMIT:
            _VALID_EMAILS.clear()
        _VALID_EMAILS[value] = validated
    return validated


# Strings are bounded so no message can make a document grow without limit.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Email = Annotated[EmailStr, StringConstraints(max_length=254), WrapValidator(_remember_valid_email)]
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
