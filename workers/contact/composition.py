"""The contact worker's composition root: brokers in, a listening orchestration out."""

from __future__ import annotations

from hosting.brokers import Brokers
from services.foundations.contact_events import ContactEventService
from services.foundations.contacts import ContactService
from services.foundations.students import StudentService
from services.orchestrations.contact_events import ContactEventOrchestrationService
from services.processings.contact_events import ContactEventProcessingService
from services.processings.contacts import ContactProcessingService
from services.processings.students import StudentProcessingService


def compose_contact_orchestration(brokers: Brokers) -> ContactEventOrchestrationService:
    contact_event_service = ContactEventService(
        brokers.queue, brokers.identifier, brokers.date_time, brokers.logging
    )
    contact_service = ContactService(brokers.storage, brokers.logging)
    student_service = StudentService(brokers.storage, brokers.date_time, brokers.logging)
    return ContactEventOrchestrationService(
        ContactEventProcessingService(contact_event_service, brokers.logging),
        ContactProcessingService(contact_service, brokers.logging),
        StudentProcessingService(student_service, brokers.logging),
        brokers.logging,
    )


def start_contact_worker(brokers: Brokers) -> None:
    compose_contact_orchestration(brokers).listen_to_contact_events()
