from __future__ import annotations

import functools
from collections.abc import Sequence

from brokers.datetimes import DateTimeBroker
from brokers.loggings import LoggingBroker
from brokers.storages import StorageBroker
from contracts.library_cards import LibraryCard
from contracts.library_cards.exceptions.foundations import NotFoundLibraryCardError
from services.foundations.bulk_additions import add_each
from services.foundations.library_cards.library_card_service_exceptions import (
    try_catch_each_library_card,
    try_catch_library_card,
)
from services.foundations.library_cards.library_card_service_mappings import (
    map_to_document,
    map_to_library_card,
)
from services.foundations.library_cards.library_card_service_validations import (
    validate_library_card,
    validate_library_card_id,
)


class LibraryCardService:
    def __init__(
        self,
        storage_broker: StorageBroker,
        date_time_broker: DateTimeBroker,
        logging_broker: LoggingBroker,
    ) -> None:
        self.storage_broker = storage_broker
        self.date_time_broker = date_time_broker
        self.logging_broker = logging_broker

    @try_catch_library_card
    async def add_library_card(self, library_card: LibraryCard) -> LibraryCard:
        validate_library_card(library_card, self.date_time_broker.get_current_date_time())
        stored = await self.storage_broker.insert_library_card(map_to_document(library_card))
        return map_to_library_card(stored)

    @try_catch_library_card
    async def add_library_card_if_absent(self, library_card: LibraryCard) -> LibraryCard:
        """Add the card, or return the one already stored under its id (not compared)."""
        validate_library_card(library_card, self.date_time_broker.get_current_date_time())
        stored = await self.storage_broker.insert_library_card_if_absent(
            map_to_document(library_card)
        )
        return map_to_library_card(stored)

    @try_catch_each_library_card
    async def add_library_cards_if_absent(
        self, library_cards: Sequence[LibraryCard]
    ) -> list[LibraryCard | Exception]:
        """``add_library_card_if_absent`` for every one in one write, each result in its place."""
        return await add_each(
            library_cards,
            validate=functools.partial(
                validate_library_card, now=self.date_time_broker.get_current_date_time()
            ),
            to_document=map_to_document,
            write=self.storage_broker.insert_library_cards_if_absent,
            from_document=map_to_library_card,
        )

    @try_catch_library_card
    async def retrieve_library_card_by_id(self, library_card_id: str) -> LibraryCard:
        validate_library_card_id(library_card_id)
        stored = await self.storage_broker.select_library_card_by_id(library_card_id)
        if stored is None:
            raise NotFoundLibraryCardError(library_card_id)
        return map_to_library_card(stored)
