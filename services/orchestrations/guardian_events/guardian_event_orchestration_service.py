from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from contracts.errors import CategorizedError
from contracts.events import GuardianRegisteredEvent
from services.orchestrations.concern_batches import process_concern_events
from services.orchestrations.guardian_events.guardian_event_orchestration_service_exceptions import (  # noqa: E501
    try_catch_each_guardian_orchestration,
)
from services.orchestrations.guardian_events.guardian_event_orchestration_service_mappings import (
    map_to_failed_outcome,
    map_to_guardian,
    map_to_persisted_outcome,
    map_to_student,
)
from services.orchestrations.guardian_events.guardian_event_orchestration_service_validations import (  # noqa: E501
    validate_guardian_event,
)
from services.processings.guardian_events import GuardianEventProcessingService
from services.processings.guardians import GuardianProcessingService
from services.processings.students import StudentProcessingService


class GuardianEventOrchestrationService:
    def __init__(
        self,
        guardian_event_processing_service: GuardianEventProcessingService,
        guardian_processing_service: GuardianProcessingService,
        student_processing_service: StudentProcessingService,
        logging_broker: LoggingBroker,
    ) -> None:
        self.guardian_event_processing_service = guardian_event_processing_service
        self.guardian_processing_service = guardian_processing_service
        self.student_processing_service = student_processing_service
        self.logging_broker = logging_broker

    def listen_to_guardian_events(self) -> None:
        self.guardian_event_processing_service.listen_to_guardian_registered_event_batches(
            self.process_guardian_events
        )

    @try_catch_each_guardian_orchestration
    async def process_guardian_events(
        self, guardian_events: Sequence[GuardianRegisteredEvent]
    ) -> list[Exception | None]:
        """One write per step for the whole batch, the outcomes' confirms together.

        Each event keeps its own fate: one that fails is answered with its error alone.
        """
        return await process_concern_events(
            guardian_events,
            validate=validate_guardian_event,
            to_student=map_to_student,
            ensure_students=self.student_processing_service.ensure_students_exist,
            to_entity=map_to_guardian,
            ensure_entities=self.guardian_processing_service.ensure_guardians_exist,
            to_outcome=map_to_persisted_outcome,
            publish_outcomes=self.guardian_event_processing_service.publish_guardian_outcomes,
        )

    async def publish_failure(
        self, guardian_event: GuardianRegisteredEvent, error: CategorizedError
    ) -> None:
        await self.guardian_event_processing_service.publish_guardian_outcome(
            map_to_failed_outcome(guardian_event, str(error.inner_error)),
            cause_id=guardian_event.id,
            correlation_id=guardian_event.correlationid,
        )
