"""The immunization worker's composition root: brokers in, a listening orchestration out."""

from __future__ import annotations

from hosting.brokers import Brokers
from services.foundations.immunization_events import ImmunizationEventService
from services.foundations.immunizations import ImmunizationService
from services.foundations.students import StudentService
from services.orchestrations.immunization_events import ImmunizationEventOrchestrationService
from services.processings.immunization_events import ImmunizationEventProcessingService
from services.processings.immunizations import ImmunizationProcessingService
from services.processings.students import StudentProcessingService


def compose_immunization_orchestration(brokers: Brokers) -> ImmunizationEventOrchestrationService:
    immunization_event_service = ImmunizationEventService(
        brokers.queue, brokers.identifier, brokers.date_time, brokers.logging
    )
    immunization_service = ImmunizationService(brokers.storage, brokers.date_time, brokers.logging)
    student_service = StudentService(brokers.storage, brokers.date_time, brokers.logging)
    return ImmunizationEventOrchestrationService(
        ImmunizationEventProcessingService(immunization_event_service, brokers.logging),
        ImmunizationProcessingService(immunization_service, brokers.logging),
        StudentProcessingService(student_service, brokers.logging),
        brokers.logging,
    )


def start_immunization_worker(brokers: Brokers) -> None:
    compose_immunization_orchestration(brokers).listen_to_immunization_events()
