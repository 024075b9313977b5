from services.foundations.library_cards.library_card_service import LibraryCardService

__all__ = ["LibraryCardService"]
