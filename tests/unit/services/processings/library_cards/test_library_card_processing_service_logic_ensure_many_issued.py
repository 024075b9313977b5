"""Library cards issued in a batch: one clock read, one write, each request's own result."""

from __future__ import annotations

from datetime import datetime, timedelta
from unittest.mock import Mock, call

from faker import Faker

from contracts.library_cards.exceptions.foundations import (
    FailedLibraryCardStorageError,
    LibraryCardDependencyError,
)
from contracts.library_cards.exceptions.processings import (
    ConflictingLibraryCardError,
    LibraryCardProcessingDependencyError,
    LibraryCardProcessingDependencyValidationError,
)
from services.processings.library_cards import LibraryCardProcessingService
from tests.unit.services.concerns.library_cards import (
    create_issued_library_card,
    create_random_card_number,
    create_random_library_card_request,
)
from tests.unit.services.conftest import create_error_log_call, create_random_id


async def test_should_issue_library_cards_each_with_its_own_result(
    *,
    faker: Faker,
    now: datetime,
    library_card_processing_service: LibraryCardProcessingService,
    library_card_service: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given: new, issued earlier (same card, earlier time), another number, the store away
    input_requests = [
        create_random_library_card_request(faker, create_random_id(faker)) for _ in range(4)
    ]
    derived_identifiers = [create_random_id(faker) for _ in input_requests]
    identifier_broker.get_derived_identifier.side_effect = derived_identifiers
    issued_cards = [
        create_issued_library_card(request, identifier, now)
        for request, identifier in zip(input_requests, derived_identifiers, strict=True)
    ]
    new, earlier, conflicting, _ = issued_cards
    earlier_card = earlier.model_copy(update={"issued_at": now - timedelta(days=3)})
    other_card = conflicting.model_copy(update={"card_number": create_random_card_number(faker)})
    storage_error = LibraryCardDependencyError(FailedLibraryCardStorageError("ConnectionFailure"))
    library_card_service.add_library_cards_if_absent.return_value = [
        new.model_copy(deep=True),
        earlier_card,
        other_card,
        storage_error,
    ]
    expected_conflict = LibraryCardProcessingDependencyValidationError(
        ConflictingLibraryCardError(conflicting.id)
    )
    expected_unavailable = LibraryCardProcessingDependencyError(storage_error.inner_error)

    # when
    actual_results = await library_card_processing_service.ensure_library_cards_issued(
        input_requests
    )

    # then
    assert actual_results == [new, earlier_card, expected_conflict, expected_unavailable]
    assert identifier_broker.mock_calls == [
        call.get_derived_identifier("library-card", request.id) for request in input_requests
    ]
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert library_card_service.mock_calls == [call.add_library_cards_if_absent(issued_cards)]
    assert logging_broker.mock_calls == [
        create_error_log_call(expected_conflict),
        create_error_log_call(expected_unavailable),
    ]
