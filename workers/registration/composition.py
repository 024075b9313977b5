"""The registration worker's composition root, and the ingress's acceptance over the same ledger."""

from __future__ import annotations

from services.foundations.registration_events import RegistrationEventService
from services.foundations.registrations import RegistrationService
from services.orchestrations.registration_acceptances import (
    RegistrationAcceptanceOrchestrationService,
)
from services.orchestrations.registration_events import RegistrationEventOrchestrationService
from services.processings.registration_events import RegistrationEventProcessingService
from services.processings.registrations import RegistrationProcessingService
from workers.brokers import Brokers


def compose_registration_event_processing(brokers: Brokers) -> RegistrationEventProcessingService:
    registration_event_service = RegistrationEventService(
        brokers.queue, brokers.identifier, brokers.date_time, brokers.logging
    )
    return RegistrationEventProcessingService(registration_event_service, brokers.logging)


def compose_registration_processing(brokers: Brokers) -> RegistrationProcessingService:
    registration_service = RegistrationService(brokers.storage, brokers.date_time, brokers.logging)
    return RegistrationProcessingService(registration_service, brokers.logging)


def compose_registration_orchestration(brokers: Brokers) -> RegistrationEventOrchestrationService:
    return RegistrationEventOrchestrationService(
        compose_registration_event_processing(brokers),
        compose_registration_processing(brokers),
        brokers.identifier,
        brokers.logging,
        brokers.metrics,
    )


def compose_registration_acceptance(brokers: Brokers) -> RegistrationAcceptanceOrchestrationService:
    return RegistrationAcceptanceOrchestrationService(
        compose_registration_event_processing(brokers),
        compose_registration_processing(brokers),
        brokers.identifier,
        brokers.date_time,
        brokers.logging,
    )


def start_registration_worker(brokers: Brokers) -> None:
    compose_registration_orchestration(brokers).listen_to_registration_events()
