from __future__ import annotations

from collections.abc import Sequence

from brokers.loggings import LoggingBroker
from contracts.immunizations import Immunization
from contracts.immunizations.exceptions.processings import ConflictingImmunizationError
from services.foundations.immunizations import ImmunizationService
from services.processings.bulk_ensures import conflicts_marked
from services.processings.immunizations.immunization_processing_service_exceptions import (
    try_catch_each_immunization_processing,
    try_catch_immunization_processing,
)


class ImmunizationProcessingService:
    def __init__(
        self, immunization_service: ImmunizationService, logging_broker: LoggingBroker
    ) -> None:
        self.immunization_service = immunization_service
        self.logging_broker = logging_broker

    @try_catch_immunization_processing
    async def ensure_immunization_exists(self, immunization: Immunization) -> Immunization:
        """Add the immunization unless stored already; the same id with other details conflicts."""
        stored = await self.immunization_service.add_immunization_if_absent(immunization)
        if stored != immunization:
            raise ConflictingImmunizationError(immunization.id)
        return stored

    @try_catch_each_immunization_processing
    async def ensure_immunizations_exist(
        self, immunizations: Sequence[Immunization]
    ) -> list[Immunization | Exception]:
        """``ensure_immunization_exists`` for every one in one write, each result in its place."""
        stored = await self.immunization_service.add_immunizations_if_absent(immunizations)
        return conflicts_marked(
            immunizations,
            stored,
            lambda immunization: ConflictingImmunizationError(immunization.id),
        )
