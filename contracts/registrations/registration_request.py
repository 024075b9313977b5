"""The registration request: the ingress body, a virtual contract that nests the details."""

from __future__ import annotations

from datetime import date

from pydantic import Field, StrictBool

from contracts.guardians.guardian import GuardianRelationship
from contracts.immunizations.immunization import DoseNumber
from contracts.model import Contract, CountryCode, Email, Name, Phone, PostalCode, ShortText

MAX_GUARDIANS = 4
MAX_IMMUNIZATIONS = 20


class StudentDetails(Contract):
    first_name: Name
    last_name: Name
    date_of_birth: date
    email: Email


class GuardianDetails(Contract):
    first_name: Name
    last_name: Name
    relationship: GuardianRelationship
    phone: Phone
    email: Email | None = None


class ContactDetails(Contract):
    address_line1: ShortText
    address_line2: ShortText | None = None
    city: Name
    postal_code: PostalCode
    country: CountryCode
    phone: Phone | None = None
    email: Email | None = None


class ImmunizationDetails(Contract):
    vaccine: Name
    dose_number: DoseNumber
    administered_on: date


class RegistrationRequest(Contract):
    """A student's registration as a client sends it; ids are given later, deterministically."""

    student: StudentDetails
    guardians: list[GuardianDetails] = Field(default_factory=list, max_length=MAX_GUARDIANS)
    contact: ContactDetails
    library_card: StrictBool = False
    immunizations: list[ImmunizationDetails] = Field(
        default_factory=list, max_length=MAX_IMMUNIZATIONS
    )
