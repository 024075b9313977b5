from __future__ import annotations

from contracts.events import GuardianRegisteredEvent
from contracts.guardians.exceptions.orchestrations import InvalidGuardianStudentError


def validate_guardian_event(event: GuardianRegisteredEvent) -> None:
    guardian, student = event.data.guardian, event.data.student
    if guardian.student_id != student.id:
        raise InvalidGuardianStudentError(guardian.student_id, student.id)
