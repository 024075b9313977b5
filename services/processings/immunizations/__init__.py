from services.processings.immunizations.immunization_processing_service import (
    ImmunizationProcessingService,
)

__all__ = ["ImmunizationProcessingService"]
