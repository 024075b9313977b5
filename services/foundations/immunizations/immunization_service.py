from __future__ import annotations

import functools
from collections.abc import Sequence

from brokers.datetimes import DateTimeBroker
from brokers.loggings import LoggingBroker
from brokers.storages import StorageBroker
from contracts.immunizations import Immunization
from contracts.immunizations.exceptions.foundations import NotFoundImmunizationError
from services.foundations.bulk_additions import add_each
from services.foundations.immunizations.immunization_service_exceptions import (
    try_catch_each_immunization,
    try_catch_immunization,
)
from services.foundations.immunizations.immunization_service_mappings import (
    map_to_document,
    map_to_immunization,
)
from services.foundations.immunizations.immunization_service_validations import (
    validate_immunization,
    validate_immunization_id,
)


class ImmunizationService:
    def __init__(
        self,
        storage_broker: StorageBroker,
        date_time_broker: DateTimeBroker,
        logging_broker: LoggingBroker,
    ) -> None:
        self.storage_broker = storage_broker
        self.date_time_broker = date_time_broker
        self.logging_broker = logging_broker

    @try_catch_immunization
    async def add_immunization(self, immunization: Immunization) -> Immunization:
        validate_immunization(immunization, self.date_time_broker.get_current_date())
        stored = await self.storage_broker.insert_immunization(map_to_document(immunization))
        return map_to_immunization(stored)

    @try_catch_immunization
    async def add_immunization_if_absent(self, immunization: Immunization) -> Immunization:
        """Add the immunization, or return the one already stored under its id (not compared)."""
        validate_immunization(immunization, self.date_time_broker.get_current_date())
        stored = await self.storage_broker.insert_immunization_if_absent(
            map_to_document(immunization)
        )
        return map_to_immunization(stored)

    @try_catch_each_immunization
    async def add_immunizations_if_absent(
        self, immunizations: Sequence[Immunization]
    ) -> list[Immunization | Exception]:
        """``add_immunization_if_absent`` for every one in one write, each result in its place."""
        return await add_each(
            immunizations,
            validate=functools.partial(
                validate_immunization, today=self.date_time_broker.get_current_date()
            ),
            to_document=map_to_document,
            write=self.storage_broker.insert_immunizations_if_absent,
            from_document=map_to_immunization,
        )

    @try_catch_immunization
    async def retrieve_immunization_by_id(self, immunization_id: str) -> Immunization:
        validate_immunization_id(immunization_id)
        stored = await self.storage_broker.select_immunization_by_id(immunization_id)
        if stored is None:
            raise NotFoundImmunizationError(immunization_id)
        return map_to_immunization(stored)
