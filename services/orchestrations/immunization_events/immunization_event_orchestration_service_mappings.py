from __future__ import annotations

from contracts.events import Concern, ConcernOutcome, ImmunizationRecordedEvent
from contracts.immunizations import Immunization
from contracts.students import Student


def map_to_student(event: ImmunizationRecordedEvent) -> Student:
    return event.data.student.model_copy()


def map_to_immunization(event: ImmunizationRecordedEvent) -> Immunization:
    return event.data.immunization.model_copy()


def map_to_persisted_outcome(immunization: Immunization) -> ConcernOutcome:
    return ConcernOutcome(
        concern=Concern.IMMUNIZATION, entity_id=immunization.id, student_id=immunization.student_id
    )


def map_to_failed_outcome(event: ImmunizationRecordedEvent, reason: str) -> ConcernOutcome:
    return ConcernOutcome(
        concern=Concern.IMMUNIZATION,
        entity_id=event.data.immunization.id,
        student_id=event.data.student.id,
        reason=reason[:1000],
    )
