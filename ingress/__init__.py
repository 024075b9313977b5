from ingress.app import create_app
from ingress.registration_acceptance import Readiness, RegistrationAcceptance

__all__ = ["Readiness", "RegistrationAcceptance", "create_app"]
