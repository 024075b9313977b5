from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence

from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.metrics import MetricsBroker
from contracts.events import ConcernOutcomeEvent, RegistrationRequestedEvent
from contracts.registrations import ConcernChange, ConcernStatus, Registration
from services.orchestrations.registration_events.registration_event_orchestration_service_exceptions import (  # noqa: E501
    try_catch_each_registration_orchestration,
    try_catch_registration_orchestration,
)
from services.orchestrations.registration_events.registration_event_orchestration_service_mappings import (  # noqa: E501
    map_to_completion_seconds,
    map_to_concern_key,
    map_to_concern_state,
)
from services.orchestrations.registration_events.registration_plans import (
    map_to_pending_registration,
    map_to_registration_plan,
)
from services.processings.registration_events import RegistrationEventProcessingService
from services.processings.registrations import RegistrationProcessingService
from services.try_catch import attempt_each, passed


class RegistrationEventOrchestrationService:
    """The registration worker: fans a request out into concern events, and keeps the ledger."""

    def __init__(
        self,
        registration_event_processing_service: RegistrationEventProcessingService,
        registration_processing_service: RegistrationProcessingService,
        identifier_broker: IdentifierBroker,
        logging_broker: LoggingBroker,
        metrics_broker: MetricsBroker,
    ) -> None:
        self.registration_event_processing_service = registration_event_processing_service
        self.registration_processing_service = registration_processing_service
        self.identifier_broker = identifier_broker
        self.logging_broker = logging_broker
        self.metrics_broker = metrics_broker

    def listen_to_registration_events(self) -> None:
        self.registration_event_processing_service.listen_to_registration_requested_events(
            self.process_registration_requested_event
        )
        self.registration_event_processing_service.listen_to_concern_outcome_event_batches(
            self.process_concern_outcome_events
        )

    @try_catch_registration_orchestration
    async def process_registration_requested_event(
        self, requested_event: RegistrationRequestedEvent
    ) -> None:
        plan = map_to_registration_plan(
            requested_event.data, self.identifier_broker.get_derived_identifier
        )
        # The ledger first: every outcome of the fan-out finds its entry and its concern key.
        await self.registration_processing_service.ensure_registration_recorded(
            map_to_pending_registration(plan, requested_event.time)
        )
        events = self.registration_event_processing_service
        correlation_id = plan.registration_id
        publishes: list[Awaitable[object]] = [
            events.publish_student_registered(
                plan.student.data, event_id=plan.student.event_id, correlation_id=correlation_id
            ),
            *(
                events.publish_guardian_registered(
                    guardian.data, event_id=guardian.event_id, correlation_id=correlation_id
                )
                for guardian in plan.guardians
            ),
            events.publish_contact_registered(
                plan.contact.data, event_id=plan.contact.event_id, correlation_id=correlation_id
            ),
            *(
                events.publish_library_card_requested(
                    card.data, event_id=card.event_id, correlation_id=correlation_id
                )
                for card in ([plan.library_card] if plan.library_card is not None else [])
            ),
            *(
                events.publish_immunization_recorded(
                    immunization.data, event_id=immunization.event_id, correlation_id=correlation_id
                )
                for immunization in plan.immunizations
            ),
        ]
        # The events are independent, so their confirms are awaited together; every publish
        # finishes before the first failure is raised (a retry republishes them all, same ids).
        results = await asyncio.gather(*publishes, return_exceptions=True)
        if failures := [result for result in results if isinstance(result, BaseException)]:
            raise failures[0]

    @try_catch_each_registration_orchestration
    async def process_concern_outcome_events(
        self, outcome_events: Sequence[ConcernOutcomeEvent]
    ) -> list[Exception | None]:
        """``process_concern_outcome_event`` for a batch: every outcome in one ledger write.

        Each outcome keeps its own fate: one that fails is answered with its error alone.
        """
        changes = attempt_each(self._concern_change_of, outcome_events)
        recorded = iter(
            await self.registration_processing_service.record_concern_outcomes(
                [change for change in passed(changes) if change is not None]
            )
        )
        answers = [
            change if change is None or isinstance(change, Exception) else next(recorded)
            for change in changes
        ]
        for answer in answers:
            if isinstance(answer, Registration):
                self._observe_settled(answer)
        return [answer if isinstance(answer, Exception) else None for answer in answers]

    def _observe_settled(self, settled: Registration) -> None:
        # Counted once per registration: only the outcome that settled it gets it back.
        self.metrics_broker.observe_registration_settled(
            settled.status.value, map_to_completion_seconds(settled)
        )

    def _concern_change_of(self, outcome_event: ConcernOutcomeEvent) -> ConcernChange | None:
        if outcome_event.correlationid is None:
            self._log_outside_any_registration(outcome_event)
            return None
        return ConcernChange(
            outcome_event.correlationid,
            map_to_concern_key(outcome_event),
            ConcernStatus(
                status=map_to_concern_state(outcome_event), reason=outcome_event.data.reason
            ),
        )

    def _log_outside_any_registration(self, outcome_event: ConcernOutcomeEvent) -> None:
        # A concern event any client published on its own: no registration to account to.
        self.logging_broker.info(
            "concern outcome outside any registration",
            event_id=outcome_event.id,
            event_type=outcome_event.type,
        )

    @try_catch_registration_orchestration
    async def process_concern_outcome_event(self, outcome_event: ConcernOutcomeEvent) -> None:
        if outcome_event.correlationid is None:
            self._log_outside_any_registration(outcome_event)
            return
        settled = await self.registration_processing_service.record_concern_outcome(
            outcome_event.correlationid,
            map_to_concern_key(outcome_event),
            map_to_concern_state(outcome_event),
            outcome_event.data.reason,
        )
        if settled is not None:
            self._observe_settled(settled)
