from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from contracts.registrations import ConcernChange, ConcernState, ConcernStatus, Registration
from contracts.registrations.exceptions.processings import NotFoundRegistrationConcernError
from services.foundations.registrations import RegistrationService
from services.processings.registrations.registration_processing_service_exceptions import (
    try_catch_each_registration_processing,
    try_catch_registration_processing,
)
from services.try_catch import gather_each


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
    ) -> None:
        """Set one concern; the overall status follows from the concerns whenever it is read.

        One write by id per outcome, so redelivered and out-of-order outcomes need no
        read-modify-write. A concern the registration was not recorded with is never written.
        """
        recorded = await self.registration_service.modify_registration_concern_if_exists(
            registration_id, concern_key, ConcernStatus(status=state, reason=reason)
        )
        if not recorded:
            # Rare, so only then a read tells an unknown registration (retrieving it raises
            # not found) from a concern it does not expect. Keys are fixed when it is recorded.
            await self.registration_service.retrieve_registration_by_id(registration_id)
            raise NotFoundRegistrationConcernError(registration_id, concern_key)

    @try_catch_each_registration_processing
    async def record_concern_outcomes(
        self, changes: Sequence[ConcernChange]
    ) -> list[Exception | None]:
        """``record_concern_outcome`` for every change in one write, each answer in its place."""
        recorded = await self.registration_service.modify_registration_concerns_if_exist(changes)
        unrecorded = [
            change for change, written in zip(changes, recorded, strict=True) if written is False
        ]
        # Rare, so only then a read for each tells an unknown registration from a concern it
        # does not expect.
        explained = iter(await gather_each(self._unrecorded_error(change) for change in unrecorded))
        return [
            written if isinstance(written, Exception) else None if written else next(explained)
            for written in recorded
        ]

    async def _unrecorded_error(self, change: ConcernChange) -> Exception:
        await self.registration_service.retrieve_registration_by_id(change.registration_id)
        return NotFoundRegistrationConcernError(change.registration_id, change.concern_key)

    @try_catch_registration_processing
    async def retrieve_registration_by_id(self, registration_id: str) -> Registration:
        return await self.registration_service.retrieve_registration_by_id(registration_id)

    @try_catch_registration_processing
    async def retrieve_registration_if_exists(self, registration_id: str) -> Registration | None:
        return await self.registration_service.retrieve_registration_if_exists(registration_id)
