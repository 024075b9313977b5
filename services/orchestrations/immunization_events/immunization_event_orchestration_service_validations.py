from __future__ import annotations

from contracts.events import ImmunizationRecordedEvent
from contracts.immunizations.exceptions.orchestrations import InvalidImmunizationStudentError


def validate_immunization_event(event: ImmunizationRecordedEvent) -> None:
    immunization, student = event.data.immunization, event.data.student
    if immunization.student_id != student.id:
        raise InvalidImmunizationStudentError(immunization.student_id, student.id)
