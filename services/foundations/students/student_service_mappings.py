from __future__ import annotations

from brokers.storages import Document
from contracts.students import Student


def map_to_document(student: Student) -> Document:
    return student.model_dump(mode="json")


def map_to_student(document: Document) -> Student:
    return Student.model_validate(document)
