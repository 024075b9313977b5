from services.processings.registrations.registration_processing_service import (
    RegistrationProcessingService,
)

__all__ = ["RegistrationProcessingService"]
