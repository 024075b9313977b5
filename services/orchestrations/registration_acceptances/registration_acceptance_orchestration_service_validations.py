from __future__ import annotations

import re

from contracts.registrations.exceptions.orchestrations import InvalidRegistrationAcceptanceError

# The canonical 8-4-4-4-12 form; uuid.UUID also takes braces, "urn:uuid:" and misplaced hyphens.
UUID_PATTERN = re.compile(r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")


def validate_registration_id(registration_id: str) -> None:
    if not UUID_PATTERN.fullmatch(registration_id):
        raise InvalidRegistrationAcceptanceError({"registration_id": ["Id is not a valid UUID."]})
