from services.processings.library_cards.library_card_processing_service import (
    LibraryCardProcessingService,
)

__all__ = ["LibraryCardProcessingService"]
