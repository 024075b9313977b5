from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from pydantic import TypeAdapter

from brokers.storages import Document
from contracts.registrations import ConcernState, ConcernStatus, Registration, RegistrationStatus

# Timestamps are stored in the JSON form the whole document is stored in.
_TIMESTAMP = TypeAdapter(datetime)
_STATUS = "status"
SETTLED_AT = "settled_at"
# Only the ingress knows client_id and request_fingerprint; left out when absent, so that the
# registration worker's entry (which lacks them) still matches the ingress's in every field it
# names: one write, not two. An unsettled entry has no settled_at at all (not null): settling
# writes only where it is absent.
_OPTIONAL = frozenset({"client_id", "request_fingerprint", SETTLED_AT})


def map_to_overall_status(states: Iterable[ConcernState]) -> RegistrationStatus:
    """Failed once any concern failed, completed once every concern is persisted."""
    seen = set(states)
    if ConcernState.FAILED in seen:
        return RegistrationStatus.FAILED
    if seen <= {ConcernState.PERSISTED}:
        return RegistrationStatus.COMPLETED
    return RegistrationStatus.PENDING


def map_to_document(registration: Registration) -> Document:
    """The stored entry: its concerns, not the overall status, which is read from them.

    So each outcome is one write of its own concern, and no status is ever stale, whatever
    order outcomes land in or however often one is redelivered.
    """
    document = registration.model_dump(mode="json", exclude={_STATUS})
    return {
        key: value for key, value in document.items() if value is not None or key not in _OPTIONAL
    }


def map_to_registration(document: Document) -> Registration:
    # Entries written before the status was derived carry one: the concerns decide.
    fields = {key: value for key, value in document.items() if key != _STATUS}
    registration = Registration.model_validate({**fields, _STATUS: RegistrationStatus.PENDING})
    status = map_to_overall_status(concern.status for concern in registration.concerns.values())
    return registration.model_copy(update={_STATUS: status})


def map_to_concern_path(concern_key: str) -> str:
    return f"concerns.{concern_key}"


def map_to_concern_fields(
    concern_key: str, concern_status: ConcernStatus, updated_at: datetime
) -> Document:
    return {
        map_to_concern_path(concern_key): concern_status.model_dump(mode="json"),
        "updated_at": _TIMESTAMP.dump_python(updated_at, mode="json"),
    }


def map_to_settled_fields(settled_at: datetime) -> Document:
    return {SETTLED_AT: _TIMESTAMP.dump_python(settled_at, mode="json")}
