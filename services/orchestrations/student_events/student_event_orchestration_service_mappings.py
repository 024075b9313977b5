from __future__ import annotations

from contracts.events import (
    Concern,
    ConcernOutcome,
    OutcomePublication,
    StudentRegisteredEvent,
)
from contracts.students import Student


def map_to_student(event: StudentRegisteredEvent) -> Student:
    return event.data.model_copy()


def map_to_persisted_outcome(student: Student) -> ConcernOutcome:
    return ConcernOutcome(concern=Concern.STUDENT, entity_id=student.id, student_id=student.id)


def map_to_failed_outcome(event: StudentRegisteredEvent, reason: str) -> ConcernOutcome:
    return ConcernOutcome(
        concern=Concern.STUDENT,
        entity_id=event.data.id,
        student_id=event.data.id,
        reason=reason[:1000],
    )


def map_to_persisted_publication(
    student: Student, event: StudentRegisteredEvent
) -> OutcomePublication:
    return OutcomePublication(
        map_to_persisted_outcome(student), cause_id=event.id, correlation_id=event.correlationid
    )
