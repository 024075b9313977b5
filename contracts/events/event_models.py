"""The typed event of every event type, to parse a body once its routing key is known."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from contracts.events.cloud_event import CloudEvent
from contracts.events.event_data import (
    ConcernOutcome,
    ContactRegistered,
    GuardianRegistered,
    ImmunizationRecorded,
    LibraryCardRequested,
    RegistrationRequested,
)
from contracts.events.event_types import (
    CONTACT_REGISTERED,
    GUARDIAN_REGISTERED,
    IMMUNIZATION_RECORDED,
    LIBRARY_CARD_REQUESTED,
    OUTCOME_TYPES,
    REGISTRATION_REQUESTED,
    STUDENT_REGISTERED,
)
from contracts.students.student import Student

RegistrationRequestedEvent = CloudEvent[RegistrationRequested]
StudentRegisteredEvent = CloudEvent[Student]
GuardianRegisteredEvent = CloudEvent[GuardianRegistered]
ContactRegisteredEvent = CloudEvent[ContactRegistered]
LibraryCardRequestedEvent = CloudEvent[LibraryCardRequested]
ImmunizationRecordedEvent = CloudEvent[ImmunizationRecorded]
# Every ``<concern>.persisted.v1`` and ``<concern>.failed.v1`` event.
ConcernOutcomeEvent = CloudEvent[ConcernOutcome]

EVENT_MODELS: Mapping[str, type[CloudEvent[Any]]] = MappingProxyType(
    {
        REGISTRATION_REQUESTED: RegistrationRequestedEvent,
        STUDENT_REGISTERED: StudentRegisteredEvent,
        GUARDIAN_REGISTERED: GuardianRegisteredEvent,
        CONTACT_REGISTERED: ContactRegisteredEvent,
        LIBRARY_CARD_REQUESTED: LibraryCardRequestedEvent,
        IMMUNIZATION_RECORDED: ImmunizationRecordedEvent,
        **dict.fromkeys(OUTCOME_TYPES, ConcernOutcomeEvent),
    }
)


def event_model(event_type: str) -> type[CloudEvent[Any]]:
    """The typed event of ``event_type``; ``KeyError`` when the type is unknown."""
    return EVENT_MODELS[event_type]
