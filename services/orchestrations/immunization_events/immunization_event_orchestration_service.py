from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from contracts.errors import CategorizedError
from contracts.events import ImmunizationRecordedEvent
from services.orchestrations.concern_batches import process_concern_events
from services.orchestrations.immunization_events.immunization_event_orchestration_service_exceptions import (  # noqa: E501
    try_catch_each_immunization_orchestration,
)
from services.orchestrations.immunization_events.immunization_event_orchestration_service_mappings import (  # noqa: E501
    map_to_failed_outcome,
    map_to_immunization,
    map_to_persisted_outcome,
    map_to_student,
)
from services.orchestrations.immunization_events.immunization_event_orchestration_service_validations import (  # noqa: E501
    validate_immunization_event,
)
from services.processings.immunization_events import ImmunizationEventProcessingService
from services.processings.immunizations import ImmunizationProcessingService
from services.processings.students import StudentProcessingService


class ImmunizationEventOrchestrationService:
    def __init__(
        self,
        immunization_event_processing_service: ImmunizationEventProcessingService,
        immunization_processing_service: ImmunizationProcessingService,
        student_processing_service: StudentProcessingService,
        logging_broker: LoggingBroker,
    ) -> None:
        self.immunization_event_processing_service = immunization_event_processing_service
        self.immunization_processing_service = immunization_processing_service
        self.student_processing_service = student_processing_service
        self.logging_broker = logging_broker

    def listen_to_immunization_events(self) -> None:
        self.immunization_event_processing_service.listen_to_immunization_recorded_event_batches(
            self.process_immunization_events
        )

    @try_catch_each_immunization_orchestration
    async def process_immunization_events(
        self, immunization_events: Sequence[ImmunizationRecordedEvent]
    ) -> list[Exception | None]:
        """One write per step for the whole batch, the outcomes' confirms together.

        Each event keeps its own fate: one that fails is answered with its error alone.
        """
        return await process_concern_events(
            immunization_events,
            validate=validate_immunization_event,
            to_student=map_to_student,
            ensure_students=self.student_processing_service.ensure_students_exist,
            to_entity=map_to_immunization,
            ensure_entities=self.immunization_processing_service.ensure_immunizations_exist,
            to_outcome=map_to_persisted_outcome,
            publish_outcomes=self.immunization_event_processing_service.publish_immunization_outcomes,
        )

    async def publish_failure(
        self, immunization_event: ImmunizationRecordedEvent, error: CategorizedError
    ) -> None:
        await self.immunization_event_processing_service.publish_immunization_outcome(
            map_to_failed_outcome(immunization_event, str(error.inner_error)),
            cause_id=immunization_event.id,
            correlation_id=immunization_event.correlationid,
        )
