from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from contracts.library_cards.exceptions.foundations import (
    InvalidLibraryCardError,
    LibraryCardValidationError,
    NotFoundLibraryCardError,
)
from services.foundations.library_cards import LibraryCardService
from tests.unit.services.concerns.library_cards import (
    create_library_card_document,
    create_random_library_card,
)
from tests.unit.services.conftest import create_error_log_call, create_random_id


async def test_should_retrieve_library_card_by_id(
    *,
    faker: Faker,
    now: datetime,
    library_card_service: LibraryCardService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_library_card = create_random_library_card(faker, create_random_id(faker), now)
    input_library_card_id = random_library_card.id
    storage_broker.select_library_card_by_id.return_value = create_library_card_document(
        random_library_card
    )
    expected_library_card = random_library_card

    # when
    actual_library_card = await library_card_service.retrieve_library_card_by_id(
        input_library_card_id
    )

    # then
    assert actual_library_card == expected_library_card
    assert storage_broker.mock_calls == [call.select_library_card_by_id(input_library_card_id)]
    assert logging_broker.mock_calls == []


async def test_should_raise_validation_error_on_retrieve_by_id_if_id_is_invalid_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    library_card_service: LibraryCardService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    invalid_library_card_id = faker.word()
    expected_error = LibraryCardValidationError(
        InvalidLibraryCardError({"id": ["Id is not a valid UUID."]})
    )

    # when
    with pytest.raises(LibraryCardValidationError) as error_info:
        await library_card_service.retrieve_library_card_by_id(invalid_library_card_id)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == []
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


async def test_should_raise_validation_error_on_retrieve_by_id_if_not_found_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    library_card_service: LibraryCardService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_library_card_id = create_random_id(faker)
    storage_broker.select_library_card_by_id.return_value = None
    expected_error = LibraryCardValidationError(NotFoundLibraryCardError(input_library_card_id))

    # when
    with pytest.raises(LibraryCardValidationError) as error_info:
        await library_card_service.retrieve_library_card_by_id(input_library_card_id)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [call.select_library_card_by_id(input_library_card_id)]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
