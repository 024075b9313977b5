from services.processings.students.student_processing_service import StudentProcessingService

__all__ = ["StudentProcessingService"]
