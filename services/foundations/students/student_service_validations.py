from __future__ import annotations

import calendar
import re
from datetime import date

from contracts.students import Student
from contracts.students.exceptions.foundations import InvalidStudentError

OLDEST_AGE_IN_YEARS = 120

# The canonical 8-4-4-4-12 form; uuid.UUID also takes braces, "urn:uuid:" and misplaced hyphens.
UUID_PATTERN = re.compile(r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")


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
    return [] if UUID_PATTERN.fullmatch(value) else ["Id is not a valid UUID."]


def _text_problems(value: str) -> list[str]:
    return ["Text is required."] if not value.strip() else []


def _date_of_birth_problems(value: date, today: date) -> list[str]:
    if value >= today:
        return ["Date must be in the past."]
    year = today.year - OLDEST_AGE_IN_YEARS
    # Only 29 February may be missing in the earlier year; it becomes the 28th.
    last_day = calendar.monthrange(year, today.month)[1]
    oldest = today.replace(year=year, day=min(today.day, last_day))
    if value < oldest:
        return [f"Date must be at most {OLDEST_AGE_IN_YEARS} years ago."]
    return []
