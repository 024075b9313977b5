"""The library_card worker's composition root: brokers in, a listening orchestration out."""

from __future__ import annotations

from hosting.brokers import Brokers
from services.foundations.library_card_events import LibraryCardEventService
from services.foundations.library_cards import LibraryCardService
from services.foundations.students import StudentService
from services.orchestrations.library_card_events import LibraryCardEventOrchestrationService
from services.processings.library_card_events import LibraryCardEventProcessingService
from services.processings.library_cards import LibraryCardProcessingService
from services.processings.students import StudentProcessingService


def compose_library_card_orchestration(brokers: Brokers) -> LibraryCardEventOrchestrationService:
    library_card_event_service = LibraryCardEventService(
        brokers.queue, brokers.identifier, brokers.date_time, brokers.logging
    )
    library_card_service = LibraryCardService(brokers.storage, brokers.date_time, brokers.logging)
    student_service = StudentService(brokers.storage, brokers.date_time, brokers.logging)
    return LibraryCardEventOrchestrationService(
        LibraryCardEventProcessingService(library_card_event_service, brokers.logging),
        LibraryCardProcessingService(
            library_card_service, brokers.identifier, brokers.date_time, brokers.logging
        ),
        StudentProcessingService(student_service, brokers.logging),
        brokers.logging,
    )


def start_library_card_worker(brokers: Brokers) -> None:
    compose_library_card_orchestration(brokers).listen_to_library_card_events()
