from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from unittest.mock import Mock, call

import pytest
from faker import Faker

from brokers.storages import (
    ConnectionFailure,
    DuplicateKeyError,
    ExecutionTimeout,
    NetworkTimeout,
    ServerSelectionTimeoutError,
)
from contracts.library_cards import LibraryCard
from contracts.library_cards.exceptions.foundations import (
    AlreadyExistsLibraryCardError,
    FailedLibraryCardServiceError,
    FailedLibraryCardStorageError,
    LibraryCardDependencyError,
    LibraryCardDependencyValidationError,
    LibraryCardServiceError,
)
from services.foundations.library_cards import LibraryCardService
from tests.unit.services.concerns.library_cards import (
    create_library_card_document,
    create_random_library_card,
)
from tests.unit.services.conftest import create_error_log_call, create_random_id

# Each way to add, with the storage broker method it calls.
ADDS = [
    pytest.param(LibraryCardService.add_library_card, "insert_library_card", id="add"),
    pytest.param(
        LibraryCardService.add_library_card_if_absent,
        "insert_library_card_if_absent",
        id="add-if-absent",
    ),
]
Add = Callable[[LibraryCardService, LibraryCard], Awaitable[LibraryCard]]

UNAVAILABLE_ERRORS = [
    pytest.param(ConnectionFailure, id="connection-failure"),
    pytest.param(ServerSelectionTimeoutError, id="server-selection-timeout"),
    pytest.param(NetworkTimeout, id="network-timeout"),
    pytest.param(ExecutionTimeout, id="execution-timeout"),
]


@pytest.mark.parametrize(("add", "insert"), ADDS)
async def test_should_raise_dependency_validation_error_on_add_if_library_card_already_exists(
    *,
    faker: Faker,
    now: datetime,
    add: Add,
    insert: str,
    library_card_service: LibraryCardService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_library_card = create_random_library_card(faker, create_random_id(faker), now)
    message = faker.sentence()
    getattr(storage_broker, insert).side_effect = DuplicateKeyError(
        message, 11000, {"keyPattern": {"_id": 1}}
    )
    expected_error = LibraryCardDependencyValidationError(AlreadyExistsLibraryCardError("id"))

    # when
    with pytest.raises(LibraryCardDependencyValidationError) as error_info:
        await add(library_card_service, input_library_card)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [
        getattr(call, insert)(create_library_card_document(input_library_card))
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize(("add", "insert"), ADDS)
@pytest.mark.parametrize("storage_error_type", UNAVAILABLE_ERRORS)
async def test_should_raise_critical_dependency_error_on_add_if_storage_is_unavailable(
    *,
    faker: Faker,
    now: datetime,
    add: Add,
    insert: str,
    storage_error_type: type[Exception],
    library_card_service: LibraryCardService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_library_card = create_random_library_card(faker, create_random_id(faker), now)
    message = faker.sentence()
    getattr(storage_broker, insert).side_effect = storage_error_type(message)
    expected_error = LibraryCardDependencyError(
        FailedLibraryCardStorageError(storage_error_type.__name__)
    )

    # when
    with pytest.raises(LibraryCardDependencyError) as error_info:
        await add(library_card_service, input_library_card)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [
        getattr(call, insert)(create_library_card_document(input_library_card))
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize(("add", "insert"), ADDS)
async def test_should_raise_service_error_on_add_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    now: datetime,
    add: Add,
    insert: str,
    library_card_service: LibraryCardService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_library_card = create_random_library_card(faker, create_random_id(faker), now)
    message = faker.sentence()
    getattr(storage_broker, insert).side_effect = RuntimeError(message)
    expected_error = LibraryCardServiceError(FailedLibraryCardServiceError("RuntimeError"))

    # when
    with pytest.raises(LibraryCardServiceError) as error_info:
        await add(library_card_service, input_library_card)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [
        getattr(call, insert)(create_library_card_document(input_library_card))
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
