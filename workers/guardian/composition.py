"""The guardian worker's composition root: brokers in, a listening orchestration out."""

from __future__ import annotations

from hosting.brokers import Brokers
from services.foundations.guardian_events import GuardianEventService
from services.foundations.guardians import GuardianService
from services.foundations.students import StudentService
from services.orchestrations.guardian_events import GuardianEventOrchestrationService
from services.processings.guardian_events import GuardianEventProcessingService
from services.processings.guardians import GuardianProcessingService
from services.processings.students import StudentProcessingService


def compose_guardian_orchestration(brokers: Brokers) -> GuardianEventOrchestrationService:
    guardian_event_service = GuardianEventService(
        brokers.queue, brokers.identifier, brokers.date_time, brokers.logging
    )
    guardian_service = GuardianService(brokers.storage, brokers.logging)
    student_service = StudentService(brokers.storage, brokers.date_time, brokers.logging)
    return GuardianEventOrchestrationService(
        GuardianEventProcessingService(guardian_event_service, brokers.logging),
        GuardianProcessingService(guardian_service, brokers.logging),
        StudentProcessingService(student_service, brokers.logging),
        brokers.logging,
    )


def start_guardian_worker(brokers: Brokers) -> None:
    compose_guardian_orchestration(brokers).listen_to_guardian_events()
