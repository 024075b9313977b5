from __future__ import annotations

import calendar
from datetime import date

from contracts.students import Student
from contracts.students.exceptions.foundations import InvalidStudentError
from services.foundations.field_validations import (
    id_problems,
    only_problems,
    past_date_problems,
    text_problems,
)

OLDEST_AGE_IN_YEARS = 120


def validate_student_id(student_id: str) -> None:
    if errors := only_problems({"id": id_problems(student_id)}):
        raise InvalidStudentError(errors)


def validate_student(student: Student, today: date) -> None:
    """Collect every field's problems before raising, so a caller can fix them all at once."""
    if errors := student_problems(student, today):
        raise InvalidStudentError(errors)


def student_problems(student: Student, today: date) -> dict[str, list[str]]:
    """Each field's problems, empty when the student is valid."""
    return only_problems(
        {
            "id": id_problems(student.id),
            "first_name": text_problems(student.first_name),
            "last_name": text_problems(student.last_name),
            "date_of_birth": _date_of_birth_problems(student.date_of_birth, today),
        }
    )


def _date_of_birth_problems(value: date, today: date) -> list[str]:
    if problems := past_date_problems(value, today):
        return problems
    year = today.year - OLDEST_AGE_IN_YEARS
    # Only 29 February may be missing in the earlier year; it becomes the 28th.
    last_day = calendar.monthrange(year, today.month)[1]
    oldest = today.replace(year=year, day=min(today.day, last_day))
    if value < oldest:
        return [f"Date must be at most {OLDEST_AGE_IN_YEARS} years ago."]
    return []
