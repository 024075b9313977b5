from __future__ import annotations

import re

from contracts.api_keys.exceptions.processings import (
    InvalidApiKeyNameError,
    UnauthenticatedApiKeyError,
)
from services.foundations.field_validations import id_problems

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
TOKEN_SEPARATOR = "."  # noqa: S105 - the separator between key id and secret


def validate_api_key_name(name: str) -> None:
    if not NAME_PATTERN.fullmatch(name):
        raise InvalidApiKeyNameError


def parsed_token(token: str) -> tuple[str, str]:
    """A token's key id and secret: ``<key id>.<secret>``; anything else is refused alike."""
    api_key_id, separator, secret = token.partition(TOKEN_SEPARATOR)
    if not separator or not secret or id_problems(api_key_id):
        raise UnauthenticatedApiKeyError
    return api_key_id, secret
