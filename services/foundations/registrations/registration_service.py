from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from brokers.datetimes import DateTimeBroker
from brokers.loggings import LoggingBroker
from brokers.storages import StorageBroker
from brokers.storages.storage_broker import FieldsUpdate
from contracts.registrations import ConcernChange, ConcernStatus, Registration
from contracts.registrations.exceptions.foundations import NotFoundRegistrationError
from services.foundations.registrations.registration_service_exceptions import (
    try_catch_each_registration,
    try_catch_registration,
)
from services.foundations.registrations.registration_service_mappings import (
    SETTLED_AT,
    map_to_concern_fields,
    map_to_concern_path,
    map_to_document,
    map_to_registration,
    map_to_settled_fields,
)
from services.foundations.registrations.registration_service_validations import (
    validate_concern_change,
    validate_concern_key,
    validate_registration,
    validate_registration_id,
    validate_registration_settleable,
)
from services.try_catch import attempt_each, in_places, passed


class RegistrationService:
    """The registration ledger: one document per registration, updated concern by concern.

    The overall status is not stored: it is read from the concerns (see the mappings).
    """

    def __init__(
        self,
        storage_broker: StorageBroker,
        date_time_broker: DateTimeBroker,
        logging_broker: LoggingBroker,
    ) -> None:
        self.storage_broker = storage_broker
        self.date_time_broker = date_time_broker
        self.logging_broker = logging_broker
        self._last_stamp: datetime | None = None

    def _distinct_now(self) -> datetime:
        # Two stamps of this process never share a microsecond, even from one loop's turn.
        now = self.date_time_broker.get_current_date_time()
        if self._last_stamp is not None and now <= self._last_stamp:
            now = self._last_stamp + timedelta(microseconds=1)
        self._last_stamp = now
        return now

    @try_catch_registration
    async def add_registration_if_absent(self, registration: Registration) -> Registration:
        """Add the registration, or return the one already stored under its id (not compared)."""
        validate_registration(registration)
        stored = await self.storage_broker.insert_registration_if_absent(
            map_to_document(registration)
        )
        return map_to_registration(stored)

    @try_catch_each_registration
    async def add_registrations_if_absent(
        self, registrations: Sequence[Registration]
    ) -> list[Registration | Exception]:
        """``add_registration_if_absent`` of every registration in one write, each in place."""

        def validated(registration: Registration) -> Registration:
            validate_registration(registration)
            return registration

        checked = attempt_each(validated, registrations)
        valid = passed(checked)
        documents = [map_to_document(registration) for registration in valid]
        stored = (
            await self.storage_broker.insert_registrations_if_absent(documents) if documents else []
        )
        return in_places(
            checked,
            [
                # Stored as it is: the registration itself, without reading it back.
                registration
                if result is document or isinstance(result, Exception)
                else map_to_registration(result)
                for registration, document, result in zip(valid, documents, stored, strict=True)
            ],
        )

    @try_catch_registration
    async def retrieve_registration_by_id(self, registration_id: str) -> Registration:
        validate_registration_id(registration_id)
        stored = await self.storage_broker.select_registration_by_id(registration_id)
        if stored is None:
            raise NotFoundRegistrationError(registration_id)
        return map_to_registration(stored)

    @try_catch_each_registration
    async def retrieve_registrations_by_ids(
        self, registration_ids: Sequence[str]
    ) -> list[Registration | Exception]:
        """``retrieve_registration_by_id`` of every id in one read, each result in its place."""
        checked = attempt_each(validate_registration_id, registration_ids)
        valid_ids = [
            registration_id
            for registration_id, result in zip(registration_ids, checked, strict=True)
            if not isinstance(result, Exception)
        ]
        stored = (
            await self.storage_broker.select_registrations_by_ids(valid_ids) if valid_ids else {}
        )
        return in_places(
            checked,
            [
                map_to_registration(stored[registration_id])
                if registration_id in stored
                else NotFoundRegistrationError(registration_id)
                for registration_id in valid_ids
            ],
        )

    @try_catch_registration
    async def retrieve_registration_if_exists(self, registration_id: str) -> Registration | None:
        validate_registration_id(registration_id)
        stored = await self.storage_broker.select_registration_by_id(registration_id)
        return None if stored is None else map_to_registration(stored)

    @try_catch_registration
    async def modify_registration_concern_if_exists(
        self, registration_id: str, concern_key: str, concern_status: ConcernStatus
    ) -> bool:
        """Set one concern the registration has, atomically, by id; whether it was written.

        False when there is no such registration, or it has no such concern: nothing is written
        then, so the ledger keeps only the concerns it was recorded with.
        """
        validate_registration_id(registration_id)
        validate_concern_key(concern_key)
        return await self.storage_broker.update_registration_fields(
            registration_id,
            map_to_concern_fields(
                concern_key, concern_status, self.date_time_broker.get_current_date_time()
            ),
            required_field=map_to_concern_path(concern_key),
        )

    @try_catch_each_registration
    async def modify_registration_concerns_if_exist(
        self, changes: Sequence[ConcernChange]
    ) -> list[bool | Exception]:
        """``modify_registration_concern_if_exists`` for every change in one write, in place."""
        updated_at = self.date_time_broker.get_current_date_time()
        checked = attempt_each(validate_concern_change, changes)
        updates = [
            FieldsUpdate(
                change.registration_id,
                map_to_concern_fields(change.concern_key, change.concern_status, updated_at),
                required_field=map_to_concern_path(change.concern_key),
            )
            for change in passed(checked)
        ]
        written = await self.storage_broker.update_registrations_fields(updates) if updates else []
        return in_places(checked, written)

    @try_catch_each_registration
    async def modify_registrations_settled_if_unsettled(
        self, registrations: Sequence[Registration]
    ) -> list[Registration | Exception | None]:
        """Stamp completed or failed registrations as settled, unless stamped already.

        Each registration, settled now, when this call stamped it; ``None`` when another
        outcome (or an earlier delivery of this one) did. One conditional write for them all,
        so of all who see a registration settle exactly one is told so.

        Each stamp is its own time, distinct from every other stamp, so when the write matched
        fewer than it was given, the read that follows tells which registrations it stamped.
        """
        checked = attempt_each(validate_registration_settleable, registrations)
        valid = [
            registration
            for registration, result in zip(registrations, checked, strict=True)
            if not isinstance(result, Exception)
        ]
        stamps = [self._distinct_now() for _ in valid]
        updates = [
            FieldsUpdate(
                registration.id, map_to_settled_fields(settled_at), absent_field=SETTLED_AT
            )
            for registration, settled_at in zip(valid, stamps, strict=True)
        ]
        written = await self.storage_broker.update_registrations_fields(updates) if updates else []
        answers: list[Registration | Exception | None] = [
            result
            if isinstance(result, Exception)
            else registration.model_copy(update={SETTLED_AT: settled_at})
            if result
            else None
            for registration, settled_at, result in zip(valid, stamps, written, strict=True)
        ]
        return in_places(checked, answers)
