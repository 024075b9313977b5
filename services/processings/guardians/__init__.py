from services.processings.guardians.guardian_processing_service import GuardianProcessingService

__all__ = ["GuardianProcessingService"]
