from __future__ import annotations

import uuid
from datetime import date

from contracts.students import Student
from contracts.students.exceptions.foundations import InvalidStudentError

OLDEST_AGE_IN_YEARS = 120


def validate_student_id(student_id: str) -> None:
    errors = {"id": problems} if (problems := _id_problems(student_id)) else {}
    if errors:
        raise InvalidStudentError(errors)


def validate_student(student: Student, today: date) -> None:
    """Collect every field's problems before raising, so a caller can fix them all at once."""
    checks = {
        "id": _id_problems(student.id),
        "first_name": _text_problems(student.first_name),
        "last_name": _text_problems(student.last_name),
        "date_of_birth": _date_of_birth_problems(student.date_of_birth, today),
    }
    errors = {field: problems for field, problems in checks.items() if problems}
    if errors:
        raise InvalidStudentError(errors)


def _id_problems(value: str) -> list[str]:
    try:
        uuid.UUID(value)
    except ValueError:
        return ["Id is not a valid UUID."]
    return []


def _text_problems(value: str) -> list[str]:
    return ["Text is required."] if not value.strip() else []


def _date_of_birth_problems(value: date, today: date) -> list[str]:
    if value >= today:
        return ["Date must be in the past."]
    oldest = today.replace(year=today.year - OLDEST_AGE_IN_YEARS, day=min(today.day, 28))
    if value < oldest:
        return [f"Date must be at most {OLDEST_AGE_IN_YEARS} years ago."]
    return []
