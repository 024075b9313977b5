from __future__ import annotations

from collections.abc import Sequence

from brokers.datetimes import DateTimeBroker
from brokers.identifiers import IdentifierBroker
from brokers.loggings import LoggingBroker
from contracts.library_cards import LibraryCard, LibraryCardRequest
from contracts.library_cards.exceptions.processings import ConflictingLibraryCardError
from services.foundations.library_cards import LibraryCardService
from services.processings.bulk_ensures import conflicts_marked
from services.processings.library_cards.library_card_processing_service_exceptions import (
    try_catch_each_library_card_processing,
    try_catch_library_card_processing,
)
from services.processings.library_cards.library_card_processing_service_mappings import (
    map_to_card_number,
    map_to_library_card,
)


class LibraryCardProcessingService:
    def __init__(
        self,
        library_card_service: LibraryCardService,
        identifier_broker: IdentifierBroker,
        date_time_broker: DateTimeBroker,
        logging_broker: LoggingBroker,
    ) -> None:
        self.library_card_service = library_card_service
        self.identifier_broker = identifier_broker
        self.date_time_broker = date_time_broker
        self.logging_broker = logging_broker

    @try_catch_library_card_processing
    async def ensure_library_card_issued(self, request: LibraryCardRequest) -> LibraryCard:
        """Issue the requested card unless issued already, and return the card as stored.

        The card number derives from the request's id, so issuing again gives the same card,
        only later: a stored card that differs in anything but ``issued_at`` is a conflict.
        """
        card_number = self._card_number_for(request)
        library_card = map_to_library_card(
            request, card_number, self.date_time_broker.get_current_date_time()
        )
        stored = await self.library_card_service.add_library_card_if_absent(library_card)
        if not is_same_card(stored, library_card):
            raise ConflictingLibraryCardError(request.id)
        return stored

    @try_catch_each_library_card_processing
    async def ensure_library_cards_issued(
        self, requests: Sequence[LibraryCardRequest]
    ) -> list[LibraryCard | Exception]:
        """``ensure_library_card_issued`` for every request in one write, each in its place."""
        issued_at = self.date_time_broker.get_current_date_time()
        library_cards = [
            map_to_library_card(request, self._card_number_for(request), issued_at)
            for request in requests
        ]
        stored = await self.library_card_service.add_library_cards_if_absent(library_cards)
        return conflicts_marked(
            library_cards,
            stored,
            lambda library_card: ConflictingLibraryCardError(library_card.id),
            matches=is_same_card,
        )

    def _card_number_for(self, request: LibraryCardRequest) -> str:
        return map_to_card_number(
            self.identifier_broker.get_derived_identifier(LIBRARY_CARD_NUMBER_NAME, request.id)
        )


# The name card numbers are derived under, apart from every other derived identifier.
LIBRARY_CARD_NUMBER_NAME = "library-card"


def is_same_card(stored: LibraryCard, issued: LibraryCard) -> bool:
    """The same card, issued at whichever time it first was."""
    return stored.model_copy(update={"issued_at": issued.issued_at}) == issued
