"""The bodies the ingress answers with, as documented in its OpenAPI schema."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel

from contracts.registrations import ConcernStatus, Registration, RegistrationStatus


class RegistrationAccepted(BaseModel):
    registration_id: str
    status_url: str


class RegistrationStatusBody(BaseModel):
    registration_id: str
    status: RegistrationStatus
    concerns: dict[str, ConcernStatus]
    created_at: AwareDatetime
    updated_at: AwareDatetime

    @classmethod
    def of(cls, registration: Registration) -> RegistrationStatusBody:
        return cls(
            registration_id=registration.id,
            status=registration.status,
            concerns=dict(registration.concerns),
            created_at=registration.created_at,
            updated_at=registration.updated_at,
        )


class FieldError(BaseModel):
    location: str
    message: str


PROBLEM_CONTENT_TYPE = "application/problem+json"


class ErrorBody(BaseModel):
    """Every refusal, as an RFC 9457 problem: what went wrong and, when invalid, each field."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[FieldError] = []


class HealthBody(BaseModel):
    status: str


class ReadinessBody(BaseModel):
    status: str
    checks: dict[str, bool]


def status_url(registration_id: str) -> str:
    return f"/v1/registrations/{registration_id}"
