from contracts.library_cards.library_card import CardNumber, LibraryCard, LibraryCardRequest

__all__ = ["CardNumber", "LibraryCard", "LibraryCardRequest"]
