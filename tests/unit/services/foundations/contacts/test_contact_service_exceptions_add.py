from __future__ import annotations

from collections.abc import Awaitable, Callable
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
from contracts.contacts import Contact
from contracts.contacts.exceptions.foundations import (
    AlreadyExistsContactError,
    ContactDependencyError,
    ContactDependencyValidationError,
    ContactServiceError,
    FailedContactServiceError,
    FailedContactStorageError,
)
from services.foundations.contacts import ContactService
from tests.unit.services.concerns.contacts import (
    create_contact_document,
    create_random_contact,
)
from tests.unit.services.conftest import create_error_log_call, create_random_id

# Each way to add, with the storage broker method it calls.
ADDS = [
    pytest.param(ContactService.add_contact, "insert_contact", id="add"),
    pytest.param(
        ContactService.add_contact_if_absent, "insert_contact_if_absent", id="add-if-absent"
    ),
]
Add = Callable[[ContactService, Contact], Awaitable[Contact]]

UNAVAILABLE_ERRORS = [
    pytest.param(ConnectionFailure, id="connection-failure"),
    pytest.param(ServerSelectionTimeoutError, id="server-selection-timeout"),
    pytest.param(NetworkTimeout, id="network-timeout"),
    pytest.param(ExecutionTimeout, id="execution-timeout"),
]


@pytest.mark.parametrize(("add", "insert"), ADDS)
async def test_should_raise_dependency_validation_error_on_add_if_contact_already_exists(
    *,
    faker: Faker,
    add: Add,
    insert: str,
    contact_service: ContactService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_contact = create_random_contact(faker, create_random_id(faker))
    message = faker.sentence()
    getattr(storage_broker, insert).side_effect = DuplicateKeyError(
        message, 11000, {"keyPattern": {"_id": 1}}
    )
    expected_error = ContactDependencyValidationError(AlreadyExistsContactError("id"))

    # when
    with pytest.raises(ContactDependencyValidationError) as error_info:
        await add(contact_service, input_contact)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [
        getattr(call, insert)(create_contact_document(input_contact))
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize(("add", "insert"), ADDS)
@pytest.mark.parametrize("storage_error_type", UNAVAILABLE_ERRORS)
async def test_should_raise_critical_dependency_error_on_add_if_storage_is_unavailable(
    *,
    faker: Faker,
    add: Add,
    insert: str,
    storage_error_type: type[Exception],
    contact_service: ContactService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_contact = create_random_contact(faker, create_random_id(faker))
    message = faker.sentence()
    getattr(storage_broker, insert).side_effect = storage_error_type(message)
    expected_error = ContactDependencyError(FailedContactStorageError(storage_error_type.__name__))

    # when
    with pytest.raises(ContactDependencyError) as error_info:
        await add(contact_service, input_contact)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [
        getattr(call, insert)(create_contact_document(input_contact))
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize(("add", "insert"), ADDS)
async def test_should_raise_service_error_on_add_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    add: Add,
    insert: str,
    contact_service: ContactService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_contact = create_random_contact(faker, create_random_id(faker))
    message = faker.sentence()
    getattr(storage_broker, insert).side_effect = RuntimeError(message)
    expected_error = ContactServiceError(FailedContactServiceError("RuntimeError"))

    # when
    with pytest.raises(ContactServiceError) as error_info:
        await add(contact_service, input_contact)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [
        getattr(call, insert)(create_contact_document(input_contact))
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
