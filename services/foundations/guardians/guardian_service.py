from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from brokers.storages import StorageBroker
from contracts.guardians import Guardian
from contracts.guardians.exceptions.foundations import NotFoundGuardianError
from services.foundations.bulk_additions import add_each
from services.foundations.guardians.guardian_service_exceptions import (
    try_catch_each_guardian,
    try_catch_guardian,
)
from services.foundations.guardians.guardian_service_mappings import (
    map_to_document,
    map_to_guardian,
)
from services.foundations.guardians.guardian_service_validations import (
    validate_guardian,
    validate_guardian_id,
)


class GuardianService:
    def __init__(
        self,
        storage_broker: StorageBroker,
        logging_broker: LoggingBroker,
    ) -> None:
        self.storage_broker = storage_broker
        self.logging_broker = logging_broker

    @try_catch_guardian
    async def add_guardian(self, guardian: Guardian) -> Guardian:
        validate_guardian(guardian)
        stored = await self.storage_broker.insert_guardian(map_to_document(guardian))
        return map_to_guardian(stored)

    @try_catch_guardian
    async def add_guardian_if_absent(self, guardian: Guardian) -> Guardian:
        """Add the guardian, or return the one already stored under its id (not compared)."""
        validate_guardian(guardian)
        stored = await self.storage_broker.insert_guardian_if_absent(map_to_document(guardian))
        return map_to_guardian(stored)

    @try_catch_each_guardian
    async def add_guardians_if_absent(
        self, guardians: Sequence[Guardian]
    ) -> list[Guardian | Exception]:
        """``add_guardian_if_absent`` for every one in one write, each result in its place."""
        return await add_each(
            guardians,
            validate=validate_guardian,
            to_document=map_to_document,
            write=self.storage_broker.insert_guardians_if_absent,
            from_document=map_to_guardian,
        )

    @try_catch_guardian
    async def retrieve_guardian_by_id(self, guardian_id: str) -> Guardian:
        validate_guardian_id(guardian_id)
        stored = await self.storage_broker.select_guardian_by_id(guardian_id)
        if stored is None:
            raise NotFoundGuardianError(guardian_id)
        return map_to_guardian(stored)
