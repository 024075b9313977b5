from __future__ import annotations

from brokers.loggings import LoggingBroker
from brokers.metrics import MetricsBroker
from contracts.registrations import ConcernState, ConcernStatus, Registration, RegistrationStatus
from contracts.registrations.exceptions.processings import NotFoundRegistrationConcernError
from services.foundations.registrations import RegistrationService
from services.processings.registrations.registration_processing_service_exceptions import (
    try_catch_registration_processing,
)
from services.processings.registrations.registration_processing_service_mappings import (
    map_to_overall_status,
)


class RegistrationProcessingService:
    def __init__(
        self,
        registration_service: RegistrationService,
        logging_broker: LoggingBroker,
        metrics_broker: MetricsBroker,
    ) -> None:
        self.registration_service = registration_service
        self.logging_broker = logging_broker
        self.metrics_broker = metrics_broker

    @try_catch_registration_processing
    async def ensure_registration_recorded(self, registration: Registration) -> Registration:
        """Record the registration unless it is recorded already; an existing entry wins.

        The existing entry may hold concerns persisted since, so it is never overwritten.
        """
        return await self.registration_service.add_registration_if_absent(registration)

    @try_catch_registration_processing
    async def record_concern_outcome(
        self,
        registration_id: str,
        concern_key: str,
        state: ConcernState,
        reason: str | None,
    ) -> Registration:
        """Set one concern, then the overall status it leads to.

        Safe under concurrent outcomes: each concern is set atomically and the update returns
        the document after it, so the last outcome to land sees every concern and writes the
        final status. A concern the registration was not recorded with is never written.
        """
        updated = await self.registration_service.modify_registration_concern_if_exists(
            registration_id, concern_key, ConcernStatus(status=state, reason=reason)
        )
        if updated is None:
            # Rare, so only then a read tells an unknown registration (retrieving it raises
            # not found) from a concern it does not expect. Keys are fixed when it is recorded.
            await self.registration_service.retrieve_registration_by_id(registration_id)
            raise NotFoundRegistrationConcernError(registration_id, concern_key)
        status = map_to_overall_status(updated)
        if status is updated.status:
            return updated
        settled = await self.registration_service.modify_registration_status(
            registration_id, status
        )
        self.count_settled(settled)
        return settled

    def count_settled(self, registration: Registration) -> None:
        """Counted once, by the outcome that moved the registration out of pending."""
        self.metrics_broker.count_registration(registration.status.value)
        if registration.status is RegistrationStatus.COMPLETED:
            elapsed = registration.updated_at - registration.created_at
            self.metrics_broker.observe_registration_completion(elapsed.total_seconds())

    @try_catch_registration_processing
    async def retrieve_registration_by_id(self, registration_id: str) -> Registration:
        return await self.registration_service.retrieve_registration_by_id(registration_id)

    @try_catch_registration_processing
    async def retrieve_registration_if_exists(self, registration_id: str) -> Registration | None:
        return await self.registration_service.retrieve_registration_if_exists(registration_id)
