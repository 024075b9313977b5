from services.orchestrations.registration_acceptances.registration_acceptance_orchestration_service import (  # noqa: E501
    RegistrationAcceptanceOrchestrationService,
)

__all__ = ["RegistrationAcceptanceOrchestrationService"]
