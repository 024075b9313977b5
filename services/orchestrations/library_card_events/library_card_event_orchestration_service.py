from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from contracts.errors import CategorizedError
from contracts.events import LibraryCardRequestedEvent
from services.orchestrations.concern_batches import process_concern_events
from services.orchestrations.library_card_events.library_card_event_orchestration_service_exceptions import (  # noqa: E501
    try_catch_each_library_card_orchestration,
)
from services.orchestrations.library_card_events.library_card_event_orchestration_service_mappings import (  # noqa: E501
    map_to_failed_outcome,
    map_to_library_card_request,
    map_to_persisted_outcome,
    map_to_student,
)
from services.orchestrations.library_card_events.library_card_event_orchestration_service_validations import (  # noqa: E501
    validate_library_card_event,
)
from services.processings.library_card_events import LibraryCardEventProcessingService
from services.processings.library_cards import LibraryCardProcessingService
from services.processings.students import StudentProcessingService


class LibraryCardEventOrchestrationService:
    def __init__(
        self,
        library_card_event_processing_service: LibraryCardEventProcessingService,
        library_card_processing_service: LibraryCardProcessingService,
        student_processing_service: StudentProcessingService,
        logging_broker: LoggingBroker,
    ) -> None:
        self.library_card_event_processing_service = library_card_event_processing_service
        self.library_card_processing_service = library_card_processing_service
        self.student_processing_service = student_processing_service
        self.logging_broker = logging_broker

    def listen_to_library_card_events(self) -> None:
        self.library_card_event_processing_service.listen_to_library_card_requested_event_batches(
            self.process_library_card_events
        )

    @try_catch_each_library_card_orchestration
    async def process_library_card_events(
        self, library_card_events: Sequence[LibraryCardRequestedEvent]
    ) -> list[Exception | None]:
        """One write per step for the whole batch, the outcomes' confirms together.

        Each event keeps its own fate: one that fails is answered with its error alone.
        """
        return await process_concern_events(
            library_card_events,
            validate=validate_library_card_event,
            to_student=map_to_student,
            ensure_students=self.student_processing_service.ensure_students_exist,
            to_entity=map_to_library_card_request,
            ensure_entities=self.library_card_processing_service.ensure_library_cards_issued,
            to_outcome=map_to_persisted_outcome,
            publish_outcomes=self.library_card_event_processing_service.publish_library_card_outcomes,
        )

    async def publish_failure(
        self, library_card_event: LibraryCardRequestedEvent, error: CategorizedError
    ) -> None:
        await self.library_card_event_processing_service.publish_library_card_outcome(
            map_to_failed_outcome(library_card_event, str(error.inner_error)),
            cause_id=library_card_event.id,
            correlation_id=library_card_event.correlationid,
        )
