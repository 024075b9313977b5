"""Field checks several foundations share; each returns the field's problems, empty when fine.

A service collects every field's problems before raising, so a caller can fix them all at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime

import phonenumbers
import pycountry

# The canonical 8-4-4-4-12 form; uuid.UUID also takes braces, "urn:uuid:" and misplaced hyphens.
UUID_PATTERN = re.compile(r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")
# E.164's shape: a plus, a country code not starting with 0, at most 15 digits in all.
E164_PATTERN = re.compile(r"^\+[1-9][0-9]{1,14}$")
NOT_E164 = "Phone must be an E.164 number, such as +14155552671."
NOT_VALID_PHONE = "Phone is not a valid number."


def id_problems(value: str) -> list[str]:
    return [] if UUID_PATTERN.fullmatch(value) else ["Id is not a valid UUID."]


def text_problems(value: str) -> list[str]:
    return ["Text is required."] if not value.strip() else []


def phone_problems(value: str | None) -> list[str]:
    """An E.164 number that ``phonenumbers`` finds valid and formats exactly as given."""
    if value is None:
        return []
    if not E164_PATTERN.fullmatch(value):
        return [NOT_E164]
    # Checked first because parse raises on what it cannot read, and services catch nowhere
    # but in their exceptions modules.
    # No region: an E.164 number carries its own country code.
    if not phonenumbers.is_possible_number_string(value, phonenumbers.UNKNOWN_REGION):
        return [NOT_VALID_PHONE]
    number = phonenumbers.parse(value, phonenumbers.UNKNOWN_REGION)
    if not phonenumbers.is_valid_number(number):
        return [NOT_VALID_PHONE]
    if phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) != value:
        return [NOT_E164]
    return []


def country_problems(value: str) -> list[str]:
    """An ISO 3166-1 alpha-2 code that is assigned to a country, such as "GB"."""
    if pycountry.countries.get(alpha_2=value) is None:
        return ["Country must be an assigned ISO 3166-1 alpha-2 code, such as GB."]
    return []


def past_date_problems(value: date, today: date) -> list[str]:
    return ["Date must be in the past."] if value >= today else []


def not_future_problems(value: datetime, now: datetime) -> list[str]:
    return ["Date must not be in the future."] if value > now else []


def only_problems(checks: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """The fields that have problems, to raise an ``Invalid…Error`` with when not empty."""
    return {field: problems for field, problems in checks.items() if problems}
