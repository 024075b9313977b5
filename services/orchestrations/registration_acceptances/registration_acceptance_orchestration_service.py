from __future__ import annotations

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from contracts.events import REGISTRATION_REQUESTED
from contracts.registrations import Registration, RegistrationRequest
from services.orchestrations.registration_acceptances.registration_acceptance_orchestration_service_exceptions import (  # noqa: E501
    look_up_best_effort,
    record_best_effort,
    try_catch_registration_acceptance,
)
from services.orchestrations.registration_acceptances.registration_acceptance_orchestration_service_mappings import (  # noqa: E501
    map_to_registration_requested,
)
from services.orchestrations.registration_acceptances.registration_acceptance_orchestration_service_validations import (  # noqa: E501
    validate_registration_id,
    validate_registration_plan,
)
from services.orchestrations.registration_events.registration_plans import (
    map_to_pending_registration,
    map_to_registration_plan,
)
from services.processings.registration_events import RegistrationEventProcessingService
from services.processings.registrations import RegistrationProcessingService


class RegistrationAcceptanceOrchestrationService:
    """What the ingress does: accept a registration onto the queue, and read its status."""

    def __init__(
        self,
        registration_event_processing_service: RegistrationEventProcessingService,
        registration_processing_service: RegistrationProcessingService,
        identifier_broker: IdentifierBroker,
        date_time_broker: DateTimeBroker,
        logging_broker: LoggingBroker,
    ) -> None:
        self.registration_event_processing_service = registration_event_processing_service
        self.registration_processing_service = registration_processing_service
        self.identifier_broker = identifier_broker
        self.date_time_broker = date_time_broker
        self.logging_broker = logging_broker

    @try_catch_registration_acceptance
    async def accept_registration(
        self, request: RegistrationRequest, registration_id: str
    ) -> Registration:
        """Check, publish ``registration.requested.v1`` (confirmed), then record it as pending.

        Whatever a concern's foundation would refuse is refused here first, by the same rules,
        so only a conflict with stored state (a taken email) can fail after acceptance.

        A registration already in the ledger is returned as it is, without publishing again.
        The ledger is best effort on both sides: while it is unavailable nothing is found and
        the request is published (again, harmlessly); once the publish is confirmed the
        registration is accepted, and the registration worker records the same entry.
        """
        validate_registration_id(registration_id)
        requested = map_to_registration_requested(request, registration_id)
        # The entities the workers will store, checked by their foundations' own rules.
        plan = map_to_registration_plan(requested, self.identifier_broker.get_derived_identifier)
        validate_registration_plan(plan, self.date_time_broker.get_current_date())
        recorded = await self._find_recorded_registration(registration_id)
        if recorded is not None:
            return recorded
        requested_event = (
            await self.registration_event_processing_service.publish_registration_requested(
                requested,
                event_id=self.identifier_broker.get_derived_identifier(
                    REGISTRATION_REQUESTED, registration_id
                ),
            )
        )
        return await self._record_registration(
            map_to_pending_registration(plan, requested_event.time)
        )

    @try_catch_registration_acceptance
    async def retrieve_registration_by_id(self, registration_id: str) -> Registration:
        validate_registration_id(registration_id)
        return await self.registration_processing_service.retrieve_registration_by_id(
            registration_id
        )

    @look_up_best_effort
    async def _find_recorded_registration(self, registration_id: str) -> Registration | None:
        return await self.registration_processing_service.retrieve_registration_if_exists(
            registration_id
        )

    @record_best_effort
    async def _record_registration(self, registration: Registration) -> Registration:
        return await self.registration_processing_service.ensure_registration_recorded(registration)
