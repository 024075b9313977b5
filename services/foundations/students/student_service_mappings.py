from __future__ import annotations

from brokers.storages import Document
from contracts.students import Student


def map_to_document(student: Student) -> Document:
    return student.model_dump(mode="json")


def map_to_student(document: Document) -> Student:
    return Student.model_validate(document)


def map_to_student_or_error(stored: Document | Exception) -> Student | Exception:
    return stored if isinstance(stored, Exception) else map_to_student(stored)
