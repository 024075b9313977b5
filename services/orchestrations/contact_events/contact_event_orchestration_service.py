from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from contracts.errors import CategorizedError
from contracts.events import ContactRegisteredEvent
from services.orchestrations.concern_batches import process_concern_events
from services.orchestrations.contact_events.contact_event_orchestration_service_exceptions import (
    try_catch_each_contact_orchestration,
)
from services.orchestrations.contact_events.contact_event_orchestration_service_mappings import (
    map_to_contact,
    map_to_failed_outcome,
    map_to_persisted_outcome,
    map_to_student,
)
from services.orchestrations.contact_events.contact_event_orchestration_service_validations import (
    validate_contact_event,
)
from services.processings.contact_events import ContactEventProcessingService
from services.processings.contacts import ContactProcessingService
from services.processings.students import StudentProcessingService


class ContactEventOrchestrationService:
    def __init__(
        self,
        contact_event_processing_service: ContactEventProcessingService,
        contact_processing_service: ContactProcessingService,
        student_processing_service: StudentProcessingService,
        logging_broker: LoggingBroker,
    ) -> None:
        self.contact_event_processing_service = contact_event_processing_service
        self.contact_processing_service = contact_processing_service
        self.student_processing_service = student_processing_service
        self.logging_broker = logging_broker

    def listen_to_contact_events(self) -> None:
        self.contact_event_processing_service.listen_to_contact_registered_event_batches(
            self.process_contact_events
        )

    @try_catch_each_contact_orchestration
    async def process_contact_events(
        self, contact_events: Sequence[ContactRegisteredEvent]
    ) -> list[Exception | None]:
        """One write per step for the whole batch, the outcomes' confirms together.

        Each event keeps its own fate: one that fails is answered with its error alone.
        """
        return await process_concern_events(
            contact_events,
            validate=validate_contact_event,
            to_student=map_to_student,
            ensure_students=self.student_processing_service.ensure_students_exist,
            to_entity=map_to_contact,
            ensure_entities=self.contact_processing_service.ensure_contacts_exist,
            to_outcome=map_to_persisted_outcome,
            publish_outcomes=self.contact_event_processing_service.publish_contact_outcomes,
        )

    async def publish_failure(
        self, contact_event: ContactRegisteredEvent, error: CategorizedError
    ) -> None:
        await self.contact_event_processing_service.publish_contact_outcome(
            map_to_failed_outcome(contact_event, str(error.inner_error)),
            cause_id=contact_event.id,
            correlation_id=contact_event.correlationid,
        )
