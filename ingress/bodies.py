"""Reading a request body within a size bound, then parsing it into a registration request."""

from __future__ import annotations

import re

from fastapi import Request
from pydantic import ValidationError

from contracts.registrations import RegistrationRequest
from ingress.errors import (
    BodyTooLargeError,
    InvalidIdempotencyKeyError,
    InvalidRegistrationRequestError,
    MalformedBodyError,
    field_errors_of,
)

MAX_IDEMPOTENCY_KEY_LENGTH = 255
# Visible ASCII and spaces, as the Idempotency-Key draft's string values allow.
PRINTABLE_KEY = re.compile(r"^[\x20-\x7e]+$")


async def read_bounded_body(request: Request, limit: int) -> bytes:
    """The raw body, refused as soon as it is known to exceed ``limit`` bytes.

    A declared Content-Length is only a hint: the bytes are counted as they arrive, so a body
    that lies about its length, or declares none, is cut off just the same.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLargeError(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise BodyTooLargeError(limit)
    return bytes(body)


def parse_registration_request(raw: bytes) -> RegistrationRequest:
    try:
        return RegistrationRequest.model_validate_json(raw)
    except ValidationError as error:
        details = error.errors(include_input=False, include_url=False)
        malformed = [detail for detail in details if detail["type"] == "json_invalid"]
        if malformed:
            raise MalformedBodyError from error
        raise InvalidRegistrationRequestError(field_errors_of(details, "body")) from error


def checked_idempotency_key(key: str | None) -> str | None:
    if key is not None and not (
        len(key) <= MAX_IDEMPOTENCY_KEY_LENGTH and PRINTABLE_KEY.fullmatch(key)
    ):
        raise InvalidIdempotencyKeyError(MAX_IDEMPOTENCY_KEY_LENGTH)
    return key
