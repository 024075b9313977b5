from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from contracts.guardians import Guardian
from contracts.guardians.exceptions.processings import ConflictingGuardianError
from services.foundations.guardians import GuardianService
from services.processings.bulk_ensures import conflicts_marked
from services.processings.guardians.guardian_processing_service_exceptions import (
    try_catch_each_guardian_processing,
    try_catch_guardian_processing,
)


class GuardianProcessingService:
    def __init__(self, guardian_service: GuardianService, logging_broker: LoggingBroker) -> None:
        self.guardian_service = guardian_service
        self.logging_broker = logging_broker

    @try_catch_guardian_processing
    async def ensure_guardian_exists(self, guardian: Guardian) -> Guardian:
        """Add the guardian unless stored already; the same id with other details is a conflict."""
        stored = await self.guardian_service.add_guardian_if_absent(guardian)
        if stored != guardian:
            raise ConflictingGuardianError(guardian.id)
        return stored

    @try_catch_each_guardian_processing
    async def ensure_guardians_exist(
        self, guardians: Sequence[Guardian]
    ) -> list[Guardian | Exception]:
        """``ensure_guardian_exists`` for every one in one write, each result in its place."""
        stored = await self.guardian_service.add_guardians_if_absent(guardians)
        return conflicts_marked(
            guardians, stored, lambda guardian: ConflictingGuardianError(guardian.id)
        )
