from __future__ import annotations

from contracts.library_cards.exceptions.foundations import (
    AlreadyExistsLibraryCardError,
    FailedLibraryCardServiceError,
    FailedLibraryCardStorageError,
    InvalidLibraryCardError,
    LibraryCardDependencyError,
    LibraryCardDependencyValidationError,
    LibraryCardServiceError,
    LibraryCardValidationError,
    NotFoundLibraryCardError,
)
from services.try_catch import storage_rules, try_catch, try_catch_each

LIBRARY_CARD_RULES = storage_rules(
    validation=LibraryCardValidationError,
    dependency_validation=LibraryCardDependencyValidationError,
    dependency=LibraryCardDependencyError,
    service=LibraryCardServiceError,
    own_validation_errors=(InvalidLibraryCardError, NotFoundLibraryCardError),
    already_exists=AlreadyExistsLibraryCardError,
    failed_storage=FailedLibraryCardStorageError,
    failed_service=FailedLibraryCardServiceError,
)

try_catch_library_card = try_catch(LIBRARY_CARD_RULES)
try_catch_each_library_card = try_catch_each(LIBRARY_CARD_RULES)
