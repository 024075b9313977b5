from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from contracts.registrations import (
    ConcernChange,
    Registration,
    RegistrationStatus,
)
from contracts.registrations.exceptions.processings import NotFoundRegistrationConcernError
from services.foundations.registrations import RegistrationService
from services.processings.call_batcher import CallBatcher
from services.processings.registrations.registration_processing_service_exceptions import (
    try_catch_each_registration_processing,
    try_catch_registration_processing,
)


class RegistrationProcessingService:
    def __init__(
        self, registration_service: RegistrationService, logging_broker: LoggingBroker
    ) -> None:
        self.registration_service = registration_service
        self.logging_broker = logging_broker
        # Concurrent single recordings (the ingress's requests) share one write.
        self._recordings: CallBatcher[Registration, Registration] = CallBatcher(
            registration_service.add_registrations_if_absent
        )

    @try_catch_registration_processing
    async def ensure_registration_recorded(self, registration: Registration) -> Registration:
        """Record the registration unless it is recorded already; an existing entry wins.

        The existing entry may hold concerns persisted since, so it is never overwritten.
        Recorded in one write with the registrations that other callers of this event loop
        record meanwhile (a group commit); each caller gets its own entry, or its own error.
        """
        return await self._recordings.call(registration)

    @try_catch_each_registration_processing
    async def ensure_registrations_recorded(
        self, registrations: Sequence[Registration]
    ) -> list[Registration | Exception]:
        """``ensure_registration_recorded`` of every registration in one write, each in place."""
        return list(await self.registration_service.add_registrations_if_absent(registrations))

    @try_catch_each_registration_processing
    async def record_concern_outcomes(
        self, changes: Sequence[ConcernChange]
    ) -> list[Registration | Exception | None]:
        """Set each change's concern; the registration, settled, for the outcome settling it.

        One write of all the changes by id, so redelivered and out-of-order outcomes need no
        read-modify-write; one read of their registrations after it, which tells whether an
        outcome may have been the last; then one conditional stamp of every registration this
        batch completes or fails, which picks one outcome whatever redeliveries and concurrent
        batches do: of several outcomes of the same registration, only the first is told it
        settled it. A concern the registration was not recorded with is never written.
        """
        recorded = await self.registration_service.modify_registration_concerns_if_exist(changes)
        registration_ids = list(
            dict.fromkeys(
                change.registration_id
                for change, written in zip(changes, recorded, strict=True)
                if not isinstance(written, Exception)
            )
        )
        retrieved = (
            await self.registration_service.retrieve_registrations_by_ids(registration_ids)
            if registration_ids
            else []
        )
        registrations = dict(zip(registration_ids, retrieved, strict=True))
        answers: list[Registration | Exception | None] = []
        settling: dict[str, int] = {}
        for change, written in zip(changes, recorded, strict=True):
            registration = (
                written if isinstance(written, Exception) else registrations[change.registration_id]
            )
            if isinstance(registration, Exception):
                answers.append(registration)
            elif not written:
                # Keys are fixed when the registration is recorded.
                answers.append(
                    NotFoundRegistrationConcernError(change.registration_id, change.concern_key)
                )
            elif is_settling(registration) and change.registration_id not in settling:
                settling[change.registration_id] = len(answers)
                answers.append(registration)
            else:
                answers.append(None)
        settling_registrations = [
            answer
            for answer in (answers[index] for index in settling.values())
            if isinstance(answer, Registration)
        ]
        settled = (
            await self.registration_service.modify_registrations_settled_if_unsettled(
                settling_registrations
            )
            if settling_registrations
            else []
        )
        for index, result in zip(settling.values(), settled, strict=True):
            answers[index] = result
        return answers

    @try_catch_registration_processing
    async def retrieve_registration_by_id(self, registration_id: str) -> Registration:
        return await self.registration_service.retrieve_registration_by_id(registration_id)

    @try_catch_registration_processing
    async def retrieve_registration_if_exists(self, registration_id: str) -> Registration | None:
        return await self.registration_service.retrieve_registration_if_exists(registration_id)


def is_settling(registration: Registration) -> bool:
    """Whether the registration is final but not yet stamped as settled."""
    return registration.status is not RegistrationStatus.PENDING and registration.settled_at is None
