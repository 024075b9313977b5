from __future__ import annotations

from collections.abc import Sequence

from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from brokers.metrics import MetricsBroker
from contracts.events import ConcernOutcomeEvent, RegistrationRequestedEvent
from contracts.registrations import ConcernChange, ConcernStatus, Registration
from services.orchestrations.registration_events.registration_event_orchestration_service_exceptions import (  # noqa: E501
    try_catch_each_registration_orchestration,
)
from services.orchestrations.registration_events.registration_event_orchestration_service_mappings import (  # noqa: E501
    map_to_completion_seconds,
    map_to_concern_key,
    map_to_concern_state,
)
from services.orchestrations.registration_events.registration_plans import (
    RegistrationPlan,
    map_to_fan_out,
    map_to_pending_registration,
    map_to_registration_plan,
)
from services.processings.registration_events import RegistrationEventProcessingService
from services.processings.registrations import RegistrationProcessingService
from services.try_catch import attempt_each, in_places, passed


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
        self.registration_event_processing_service.listen_to_registration_requested_event_batches(
            self.process_registration_requested_events
        )
        self.registration_event_processing_service.listen_to_concern_outcome_event_batches(
            self.process_concern_outcome_events
        )

    @try_catch_each_registration_orchestration
    async def process_registration_requested_events(
        self, requested_events: Sequence[RegistrationRequestedEvent]
    ) -> list[Exception | None]:
        """Each request's ledger entry, then its fan-out: one write, every confirm together.

        Each request keeps its own fate: one that fails is answered with its error alone.
        """
        plans = attempt_each(self._plan_of, requested_events)
        planned = [
            (event, plan)
            for event, plan in zip(requested_events, plans, strict=True)
            if not isinstance(plan, Exception)
        ]
        # The ledger first: every outcome of the fan-out finds its entry and its concern key.
        recorded = await self.registration_processing_service.ensure_registrations_recorded(
            [map_to_pending_registration(plan, event.time) for event, plan in planned]
        )
        fan_outs = [
            map_to_fan_out(plan)
            for (_, plan), entry in zip(planned, recorded, strict=True)
            if not isinstance(entry, Exception)
        ]
        published = (
            await self.registration_event_processing_service.publish_registration_fan_outs(fan_outs)
            if fan_outs
            else []
        )
        return in_places(plans, in_places(recorded, published))

    def _plan_of(self, requested_event: RegistrationRequestedEvent) -> RegistrationPlan:
        return map_to_registration_plan(
            requested_event.data, self.identifier_broker.get_derived_identifier
        )

    @try_catch_each_registration_orchestration
    async def process_concern_outcome_events(
        self, outcome_events: Sequence[ConcernOutcomeEvent]
    ) -> list[Exception | None]:
        """Every outcome of the batch recorded in the ledger in one write.

        Each outcome keeps its own fate: one that fails is answered with its error alone.
        """
        changes = attempt_each(self._concern_change_of, outcome_events)
        to_record = [change for change in passed(changes) if change is not None]
        recorded = iter(
            await self.registration_processing_service.record_concern_outcomes(to_record)
            if to_record
            else []
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
