from services.foundations.immunizations.immunization_service import ImmunizationService

__all__ = ["ImmunizationService"]
