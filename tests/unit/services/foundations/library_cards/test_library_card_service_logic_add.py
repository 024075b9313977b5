from __future__ import annotations

from datetime import datetime
from unittest.mock import Mock, call

from faker import Faker

from services.foundations.library_cards import LibraryCardService
from tests.unit.services.concerns.library_cards import (
    create_library_card_document,
    create_random_library_card,
)
from tests.unit.services.conftest import create_random_id


async def test_should_add_library_card(
    *,
    faker: Faker,
    now: datetime,
    library_card_service: LibraryCardService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_library_card = create_random_library_card(faker, create_random_id(faker), now)
    input_library_card = random_library_card
    storage_document = create_library_card_document(input_library_card)
    expected_library_card = input_library_card.model_copy(deep=True)
    storage_broker.insert_library_card.return_value = dict(storage_document)

    # when
    actual_library_card = await library_card_service.add_library_card(input_library_card)

    # then
    assert actual_library_card == expected_library_card
    assert actual_library_card is not input_library_card
    assert storage_broker.mock_calls == [call.insert_library_card(storage_document)]
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert logging_broker.mock_calls == []


async def test_should_add_library_card_if_absent(
    *,
    faker: Faker,
    now: datetime,
    library_card_service: LibraryCardService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    random_library_card = create_random_library_card(faker, create_random_id(faker), now)
    input_library_card = random_library_card
    storage_document = create_library_card_document(input_library_card)
    expected_library_card = input_library_card.model_copy(deep=True)
    storage_broker.insert_library_card_if_absent.return_value = dict(storage_document)

    # when
    actual_library_card = await library_card_service.add_library_card_if_absent(input_library_card)

    # then
    assert actual_library_card == expected_library_card
    assert actual_library_card is not input_library_card
    assert storage_broker.mock_calls == [call.insert_library_card_if_absent(storage_document)]
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert logging_broker.mock_calls == []


async def test_should_return_stored_library_card_on_add_if_absent_if_id_is_taken(
    *,
    faker: Faker,
    now: datetime,
    library_card_service: LibraryCardService,
    storage_broker: Mock,
    date_time_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_library_card = create_random_library_card(faker, create_random_id(faker), now)
    input_document = create_library_card_document(input_library_card)
    storage_library_card = create_random_library_card(
        faker, create_random_id(faker), now
    ).model_copy(update={"id": input_library_card.id})
    expected_library_card = storage_library_card
    storage_broker.insert_library_card_if_absent.return_value = create_library_card_document(
        storage_library_card
    )

    # when
    actual_library_card = await library_card_service.add_library_card_if_absent(input_library_card)

    # then
    assert actual_library_card == expected_library_card
    assert storage_broker.mock_calls == [call.insert_library_card_if_absent(input_document)]
    assert date_time_broker.mock_calls == [call.get_current_date_time()]
    assert logging_broker.mock_calls == []
