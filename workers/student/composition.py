"""The student worker's composition root: brokers in, a listening orchestration out."""

from __future__ import annotations

from hosting.brokers import Brokers
from services.foundations.student_events import StudentEventService
from services.foundations.students import StudentService
from services.orchestrations.student_events import StudentEventOrchestrationService
from services.processings.student_events import StudentEventProcessingService
from services.processings.students import StudentProcessingService


def compose_student_orchestration(brokers: Brokers) -> StudentEventOrchestrationService:
    student_event_service = StudentEventService(
        brokers.queue, brokers.identifier, brokers.date_time, brokers.logging
    )
    student_service = StudentService(brokers.storage, brokers.date_time, brokers.logging)
    return StudentEventOrchestrationService(
        StudentEventProcessingService(student_event_service, brokers.logging),
        StudentProcessingService(student_service, brokers.logging),
        brokers.logging,
    )


def start_student_worker(brokers: Brokers) -> None:
    compose_student_orchestration(brokers).listen_to_student_events()
