"""Field checks several foundations share; each returns the field's problems, empty when fine.

A service collects every field's problems before raising, so a caller can fix them all at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime

import phonenumbers

# The canonical 8-4-4-4-12 form; uuid.UUID also takes braces, "urn:uuid:" and misplaced hyphens.
UUID_PATTERN = re.compile(r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")


def id_problems(value: str) -> list[str]:
    return [] if UUID_PATTERN.fullmatch(value) else ["Id is not a valid UUID."]


def text_problems(value: str) -> list[str]:
    return ["Text is required."] if not value.strip() else []


def phone_problems(value: str | None) -> list[str]:
    """An E.164 number (``+`` and digits, as ``phonenumbers`` formats it) that is valid."""
    if value is None:
        return []
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return ["Phone must be an E.164 number, such as +14155552671."]
    if not phonenumbers.is_valid_number(number):
        return ["Phone is not a valid number."]
    if phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) != value:
        return ["Phone must be an E.164 number, such as +14155552671."]
    return []


def past_date_problems(value: date, today: date) -> list[str]:
    return ["Date must be in the past."] if value >= today else []


def not_future_problems(value: datetime, now: datetime) -> list[str]:
    return ["Date must not be in the future."] if value > now else []


def only_problems(checks: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """The fields that have problems, to raise an ``Invalid…Error`` with when not empty."""
    return {field: problems for field, problems in checks.items() if problems}
