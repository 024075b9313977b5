from __future__ import annotations

from datetime import datetime

from pydantic import TypeAdapter

from brokers.storages import Document
from contracts.registrations import ConcernStatus, Registration, RegistrationStatus

# Timestamps are stored in the JSON form the whole document is stored in.
_TIMESTAMP = TypeAdapter(datetime)


def map_to_document(registration: Registration) -> Document:
    return registration.model_dump(mode="json")


def map_to_registration(document: Document) -> Registration:
    return Registration.model_validate(document)


def map_to_concern_path(concern_key: str) -> str:
    return f"concerns.{concern_key}"


def map_to_concern_fields(
    concern_key: str, concern_status: ConcernStatus, updated_at: datetime
) -> Document:
    return {
        map_to_concern_path(concern_key): concern_status.model_dump(mode="json"),
        "updated_at": _TIMESTAMP.dump_python(updated_at, mode="json"),
    }


def map_to_status_fields(status: RegistrationStatus, updated_at: datetime) -> Document:
    return {
        "status": status.value,
        "updated_at": _TIMESTAMP.dump_python(updated_at, mode="json"),
    }
