from services.foundations.students.student_service import StudentService

__all__ = ["StudentService"]
