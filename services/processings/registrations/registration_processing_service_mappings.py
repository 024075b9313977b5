from __future__ import annotations

from contracts.registrations import ConcernState, Registration, RegistrationStatus


def map_to_overall_status(registration: Registration) -> RegistrationStatus:
    """Failed once any concern failed, completed once every concern is persisted."""
    states = {concern.status for concern in registration.concerns.values()}
    if ConcernState.FAILED in states:
        return RegistrationStatus.FAILED
    if states <= {ConcernState.PERSISTED}:
        return RegistrationStatus.COMPLETED
    return RegistrationStatus.PENDING
