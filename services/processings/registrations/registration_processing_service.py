from __future__ import annotations

from brokers.loggings import LoggingBroker
from contracts.registrations import (
    ConcernState,
    ConcernStatus,
    Registration,
    RegistrationStatus,
)
from contracts.registrations.exceptions.processings import NotFoundRegistrationConcernError
from services.foundations.registrations import RegistrationService
from services.processings.registrations.registration_processing_service_exceptions import (
    try_catch_registration_processing,
)


class RegistrationProcessingService:
    def __init__(
        self, registration_service: RegistrationService, logging_broker: LoggingBroker
    ) -> None:
        self.registration_service = registration_service
        self.logging_broker = logging_broker

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
    ) -> Registration | None:
        """Set one concern; the registration, settled, when this outcome is the one settling it.

        One write by id per outcome, so redelivered and out-of-order outcomes need no
        read-modify-write; the overall status follows from the concerns whenever it is read.
        Read after the write, it tells whether this outcome may have been the last; the
        conditional settle then picks one outcome, whatever redeliveries and concurrent outcomes
        of the same registration do, so a registration settles exactly once.
        A concern the registration was not recorded with is never written.
        """
        recorded = await self.registration_service.modify_registration_concern_if_exists(
            registration_id, concern_key, ConcernStatus(status=state, reason=reason)
        )
        # Not found raises here: then the concern was not written because there is no entry.
        registration = await self.registration_service.retrieve_registration_by_id(registration_id)
        if not recorded:
            # Keys are fixed when the registration is recorded.
            raise NotFoundRegistrationConcernError(registration_id, concern_key)
        if registration.status is RegistrationStatus.PENDING or registration.settled_at is not None:
            return None
        return await self.registration_service.modify_registration_settled_if_unsettled(
            registration
        )

    @try_catch_registration_processing
    async def retrieve_registration_by_id(self, registration_id: str) -> Registration:
        return await self.registration_service.retrieve_registration_by_id(registration_id)

    @try_catch_registration_processing
    async def retrieve_registration_if_exists(self, registration_id: str) -> Registration | None:
        return await self.registration_service.retrieve_registration_if_exists(registration_id)
