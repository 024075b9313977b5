from services.foundations.guardians.guardian_service import GuardianService

__all__ = ["GuardianService"]
