from __future__ import annotations

from contracts.library_cards.exceptions.event_processings import (
    FailedLibraryCardEventProcessingServiceError,
    LibraryCardEventProcessingDependencyError,
    LibraryCardEventProcessingDependencyValidationError,
    LibraryCardEventProcessingServiceError,
    LibraryCardEventProcessingValidationError,
)
from services.try_catch import downstream_rules, try_catch, try_catch_each

LIBRARY_CARD_EVENT_PROCESSING_RULES = downstream_rules(
    validation=LibraryCardEventProcessingValidationError,
    dependency_validation=LibraryCardEventProcessingDependencyValidationError,
    dependency=LibraryCardEventProcessingDependencyError,
    service=LibraryCardEventProcessingServiceError,
    failed_service=FailedLibraryCardEventProcessingServiceError,
)

try_catch_library_card_event_processing = try_catch(LIBRARY_CARD_EVENT_PROCESSING_RULES)
try_catch_each_library_card_event_processing = try_catch_each(LIBRARY_CARD_EVENT_PROCESSING_RULES)
