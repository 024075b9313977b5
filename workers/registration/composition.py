"""The registration worker's composition root."""

from __future__ import annotations

from hosting.brokers import Brokers
from hosting.registrations import (
    compose_registration_event_processing,
    compose_registration_processing,
)
from services.orchestrations.registration_events import RegistrationEventOrchestrationService


def compose_registration_orchestration(brokers: Brokers) -> RegistrationEventOrchestrationService:
    return RegistrationEventOrchestrationService(
        compose_registration_event_processing(brokers),
        compose_registration_processing(brokers),
        brokers.identifier,
        brokers.logging,
        brokers.metrics,
    )


def start_registration_worker(brokers: Brokers) -> None:
    compose_registration_orchestration(brokers).listen_to_registration_events()
