from __future__ import annotations

from contracts.events import Concern, ConcernOutcome, GuardianRegisteredEvent
from contracts.guardians import Guardian
from contracts.students import Student


def map_to_student(event: GuardianRegisteredEvent) -> Student:
    return event.data.student.model_copy()


def map_to_guardian(event: GuardianRegisteredEvent) -> Guardian:
    return event.data.guardian.model_copy()


def map_to_persisted_outcome(guardian: Guardian) -> ConcernOutcome:
    return ConcernOutcome(
        concern=Concern.GUARDIAN, entity_id=guardian.id, student_id=guardian.student_id
    )


def map_to_failed_outcome(event: GuardianRegisteredEvent, reason: str) -> ConcernOutcome:
    return ConcernOutcome(
        concern=Concern.GUARDIAN,
        entity_id=event.data.guardian.id,
        student_id=event.data.student.id,
        reason=reason[:1000],
    )
