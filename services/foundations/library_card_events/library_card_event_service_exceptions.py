from __future__ import annotations

from contracts.library_cards.exceptions.events import (
    FailedLibraryCardEventPublishError,
    FailedLibraryCardEventServiceError,
    InvalidLibraryCardEventError,
    LibraryCardEventDependencyError,
    LibraryCardEventServiceError,
    LibraryCardEventValidationError,
)
from services.foundations.events.event_errors import event_rules
from services.try_catch import try_catch, try_catch_each

LIBRARY_CARD_EVENT_RULES = event_rules(
    validation=LibraryCardEventValidationError,
    dependency=LibraryCardEventDependencyError,
    service=LibraryCardEventServiceError,
    invalid_event=InvalidLibraryCardEventError,
    failed_publish=FailedLibraryCardEventPublishError,
    failed_service=FailedLibraryCardEventServiceError,
)

try_catch_library_card_event = try_catch(LIBRARY_CARD_EVENT_RULES)
try_catch_each_library_card_event = try_catch_each(LIBRARY_CARD_EVENT_RULES)
