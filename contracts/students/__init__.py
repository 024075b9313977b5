from contracts.students.student import Student

__all__ = ["Student"]
