from __future__ import annotations

from contracts.library_cards.exceptions.processings import (
    ConflictingLibraryCardError,
    FailedLibraryCardProcessingServiceError,
    LibraryCardProcessingDependencyError,
    LibraryCardProcessingDependencyValidationError,
    LibraryCardProcessingServiceError,
    LibraryCardProcessingValidationError,
)
from services.try_catch import downstream_rules, try_catch, try_catch_each

LIBRARY_CARD_PROCESSING_RULES = downstream_rules(
    validation=LibraryCardProcessingValidationError,
    dependency_validation=LibraryCardProcessingDependencyValidationError,
    dependency=LibraryCardProcessingDependencyError,
    service=LibraryCardProcessingServiceError,
    failed_service=FailedLibraryCardProcessingServiceError,
    own_dependency_validation_errors=(ConflictingLibraryCardError,),
)

try_catch_library_card_processing = try_catch(LIBRARY_CARD_PROCESSING_RULES)
try_catch_each_library_card_processing = try_catch_each(LIBRARY_CARD_PROCESSING_RULES)
