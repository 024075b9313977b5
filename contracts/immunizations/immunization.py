from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from contracts.model import Contract, EntityId, Name

# Strict: a dose number is a JSON integer, never a string or a float that happens to be whole.
DoseNumber = Annotated[int, Field(strict=True, ge=1, le=10)]


class Immunization(Contract):
    """One physical immunization record of a student: flat, one document in ``immunizations``."""

    id: EntityId
    student_id: EntityId
    vaccine: Name
    dose_number: DoseNumber
    administered_on: date
