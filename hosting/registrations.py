"""The registration processings both the registration worker and the ingress compose."""

from __future__ import annotations

from hosting.brokers import Brokers
from services.foundations.registration_events import RegistrationEventService
from services.foundations.registrations import RegistrationService
from services.processings.registration_events import RegistrationEventProcessingService
from services.processings.registrations import RegistrationProcessingService


def compose_registration_event_processing(brokers: Brokers) -> RegistrationEventProcessingService:
    registration_event_service = RegistrationEventService(
        brokers.queue, brokers.identifier, brokers.date_time, brokers.logging
    )
    return RegistrationEventProcessingService(registration_event_service, brokers.logging)


def compose_registration_processing(brokers: Brokers) -> RegistrationProcessingService:
    registration_service = RegistrationService(brokers.storage, brokers.date_time, brokers.logging)
    return RegistrationProcessingService(registration_service, brokers.logging)
