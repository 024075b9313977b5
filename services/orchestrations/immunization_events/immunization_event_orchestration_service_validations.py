from __future__ import annotations

from contracts.events import ImmunizationRecordedEvent
from contracts.immunizations.exceptions.foundations import InvalidImmunizationError
from contracts.immunizations.exceptions.orchestrations import InvalidImmunizationStudentError
from services.foundations.immunizations.immunization_service_validations import (
    immunization_of_student_problems,
)


def validate_immunization_event(event: ImmunizationRecordedEvent) -> None:
    immunization, student = event.data.immunization, event.data.student
    if immunization.student_id != student.id:
        raise InvalidImmunizationStudentError(immunization.student_id, student.id)
    # The event carries its student, so the rule across both is checked where both are known.
    if problems := immunization_of_student_problems(immunization, student.date_of_birth):
        raise InvalidImmunizationError(problems)
