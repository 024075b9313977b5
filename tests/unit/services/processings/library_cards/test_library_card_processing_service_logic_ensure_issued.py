from __future__ import annotations

from datetime import datetime, timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.library_cards.exceptions.processings import (
    ConflictingLibraryCardError,
    LibraryCardProcessingDependencyValidationError,
)
from services.processings.library_cards import LibraryCardProcessingService
from tests.unit.services.concerns.library_cards import (
    create_issued_library_card,
    create_random_card_number,
    create_random_library_card_request,
)
from tests.unit.services.conftest import create_error_log_call, create_random_id


async def test_should_issue_library_card(
    *,
    faker: Faker,
    now: datetime,
    library_card_processing_service: LibraryCardProcessingService,
    library_card_service: Mock,
    identifier_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_request = create_random_library_card_request(faker, create_random_id(faker))
    derived_identifier = create_random_id(faker)
    identifier_broker.get_derived_identifier.return_value = derived_identifier
    issued_library_card = create_issued_library_card(input_request, derived_identifier, now)
    stored_library_card = issued_library_card.model_copy(deep=True)
    library_card_service.add_library_card_if_absent.return_value = stored_library_card
    expected_library_card = stored_library_card

    # when
    actual_library_card = await library_card_processing_service.ensure_library_card_issued(
        input_request
    )

    # then: the number is derived from the request, so issuing again gives the same number
    assert actual_library_card == expected_library_card
    assert identifier_broker.mock_calls == [
        call.get_derived_identifier("library-card", input_request.id)
    ]
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert library_card_service.mock_calls == [call.add_library_card_if_absent(issued_library_card)]
    assert logging_broker.mock_calls == []


async def test_should_return_stored_library_card_on_ensure_issued_if_issued_before(
    *,
    faker: Faker,
    now: datetime,
    library_card_processing_service: LibraryCardProcessingService,
    library_card_service: Mock,
    identifier_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_request = create_random_library_card_request(faker, create_random_id(faker))
    derived_identifier = create_random_id(faker)
    identifier_broker.get_derived_identifier.return_value = derived_identifier
    issued_library_card = create_issued_library_card(input_request, derived_identifier, now)
    stored_library_card = issued_library_card.model_copy(
        update={"issued_at": now - timedelta(minutes=faker.random_int(min=1, max=60 * 24 * 30))}
    )
    library_card_service.add_library_card_if_absent.return_value = stored_library_card
    expected_library_card = stored_library_card

    # when
    actual_library_card = await library_card_processing_service.ensure_library_card_issued(
        input_request
    )

    # then: a redelivery keeps the card issued the first time, with its first issue date
    assert actual_library_card == expected_library_card
    assert actual_library_card.issued_at < now
    assert library_card_service.mock_calls == [call.add_library_card_if_absent(issued_library_card)]
    assert logging_broker.mock_calls == []


@pytest.mark.parametrize("differing_field", ["student_id", "card_number"])
async def test_should_raise_dependency_validation_error_on_ensure_issued_if_card_conflicts(
    *,
    faker: Faker,
    now: datetime,
    differing_field: str,
    library_card_processing_service: LibraryCardProcessingService,
    library_card_service: Mock,
    identifier_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_request = create_random_library_card_request(faker, create_random_id(faker))
    derived_identifier = create_random_id(faker)
    identifier_broker.get_derived_identifier.return_value = derived_identifier
    issued_library_card = create_issued_library_card(input_request, derived_identifier, now)
    other_values = {
        "student_id": create_random_id(faker),
        "card_number": create_random_card_number(faker),
    }
    stored_library_card = issued_library_card.model_copy(
        update={differing_field: other_values[differing_field]}
    )
    library_card_service.add_library_card_if_absent.return_value = stored_library_card
    expected_error = LibraryCardProcessingDependencyValidationError(
        ConflictingLibraryCardError(input_request.id)
    )

    # when
    with pytest.raises(LibraryCardProcessingDependencyValidationError) as error_info:
        await library_card_processing_service.ensure_library_card_issued(input_request)

    # then
    assert error_info.value == expected_error
    assert library_card_service.mock_calls == [call.add_library_card_if_absent(issued_library_card)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
