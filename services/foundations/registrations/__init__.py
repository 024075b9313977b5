from services.foundations.registrations.registration_service import RegistrationService

__all__ = ["RegistrationService"]
