from contracts.immunizations.immunization import DoseNumber, Immunization

__all__ = ["DoseNumber", "Immunization"]
