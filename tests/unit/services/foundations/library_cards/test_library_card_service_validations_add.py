from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.library_cards import LibraryCard
from contracts.library_cards.exceptions.foundations import (
    InvalidLibraryCardError,
    LibraryCardValidationError,
)
from services.foundations.library_cards import LibraryCardService
from tests.unit.services.concerns.library_cards import create_random_library_card
from tests.unit.services.conftest import create_error_log_call, create_random_id

Add = Callable[[LibraryCardService, LibraryCard], Awaitable[LibraryCard]]
ADDS = [
    pytest.param(LibraryCardService.add_library_card, id="add"),
    pytest.param(LibraryCardService.add_library_card_if_absent, id="add-if-absent"),
]


@pytest.mark.parametrize("add", ADDS)
@pytest.mark.parametrize("blank_text", ["", " ", "\t\n "])
async def test_should_raise_validation_error_on_add_if_library_card_is_invalid_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    add: Add,
    blank_text: str,
    library_card_service: LibraryCardService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_library_card = create_random_library_card(faker, create_random_id(faker), now)
    # model_construct skips the contract's own checks, as a caller holding a bad model would.
    invalid_library_card = LibraryCard.model_construct(
        **random_library_card.model_dump()
        | {
            "id": faker.word(),
            "student_id": faker.word(),
            "card_number": blank_text,
            "issued_at": now + timedelta(microseconds=1),
        }
    )
    expected_error = LibraryCardValidationError(
        InvalidLibraryCardError(
            {
                "id": ["Id is not a valid UUID."],
                "student_id": ["Id is not a valid UUID."],
                "card_number": ["Text is required."],
                "issued_at": ["Date must not be in the future."],
            }
        )
    )

    # when
    with pytest.raises(LibraryCardValidationError) as error_info:
        await add(library_card_service, invalid_library_card)

    # then
    assert error_info.value == expected_error
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize("add", ADDS)
async def test_should_add_library_card_issued_right_now(
    *,
    faker: Faker,
    now: datetime,
    add: Add,
    library_card_service: LibraryCardService,
    storage_broker: Mock,
    date_time_broker: Mock,
) -> None:
    # given: a card issued at the date-time broker's very "now" is not in the future
    random_library_card = create_random_library_card(faker, create_random_id(faker), now)
    input_library_card = random_library_card.model_copy(update={"issued_at": now})
    storage_broker.insert_library_card.return_value = input_library_card.model_dump(mode="json")
    storage_broker.insert_library_card_if_absent.return_value = input_library_card.model_dump(
        mode="json"
    )

    # when
    actual_library_card = await add(library_card_service, input_library_card)

    # then
    assert actual_library_card == input_library_card
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
