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
from contracts.guardians import Guardian
from contracts.guardians.exceptions.foundations import (
    AlreadyExistsGuardianError,
    FailedGuardianServiceError,
    FailedGuardianStorageError,
    GuardianDependencyError,
    GuardianDependencyValidationError,
    GuardianServiceError,
)
from services.foundations.guardians import GuardianService
from tests.unit.services.concerns.guardians import (
    create_guardian_document,
    create_random_guardian,
)
from tests.unit.services.conftest import create_error_log_call, create_random_id

# Each way to add, with the storage broker method it calls.
ADDS = [
    pytest.param(GuardianService.add_guardian, "insert_guardian", id="add"),
    pytest.param(
        GuardianService.add_guardian_if_absent, "insert_guardian_if_absent", id="add-if-absent"
    ),
]
Add = Callable[[GuardianService, Guardian], Awaitable[Guardian]]

UNAVAILABLE_ERRORS = [
    pytest.param(ConnectionFailure, id="connection-failure"),
    pytest.param(ServerSelectionTimeoutError, id="server-selection-timeout"),
    pytest.param(NetworkTimeout, id="network-timeout"),
    pytest.param(ExecutionTimeout, id="execution-timeout"),
]


@pytest.mark.parametrize(("add", "insert"), ADDS)
async def test_should_raise_dependency_validation_error_on_add_if_guardian_already_exists(
    *,
    faker: Faker,
    add: Add,
    insert: str,
    guardian_service: GuardianService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_guardian = create_random_guardian(faker, create_random_id(faker))
    message = faker.sentence()
    getattr(storage_broker, insert).side_effect = DuplicateKeyError(
        message, 11000, {"keyPattern": {"_id": 1}}
    )
    expected_error = GuardianDependencyValidationError(AlreadyExistsGuardianError("id"))

    # when
    with pytest.raises(GuardianDependencyValidationError) as error_info:
        await add(guardian_service, input_guardian)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [
        getattr(call, insert)(create_guardian_document(input_guardian))
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
    guardian_service: GuardianService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_guardian = create_random_guardian(faker, create_random_id(faker))
    message = faker.sentence()
    getattr(storage_broker, insert).side_effect = storage_error_type(message)
    expected_error = GuardianDependencyError(
        FailedGuardianStorageError(storage_error_type.__name__)
    )

    # when
    with pytest.raises(GuardianDependencyError) as error_info:
        await add(guardian_service, input_guardian)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [
        getattr(call, insert)(create_guardian_document(input_guardian))
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]


@pytest.mark.parametrize(("add", "insert"), ADDS)
async def test_should_raise_service_error_on_add_if_service_error_occurs_and_log_it(
    *,
    faker: Faker,
    add: Add,
    insert: str,
    guardian_service: GuardianService,
    storage_broker: Mock,
    logging_broker: Mock,
) -> None:
    # given
    input_guardian = create_random_guardian(faker, create_random_id(faker))
    message = faker.sentence()
    getattr(storage_broker, insert).side_effect = RuntimeError(message)
    expected_error = GuardianServiceError(FailedGuardianServiceError("RuntimeError"))

    # when
    with pytest.raises(GuardianServiceError) as error_info:
        await add(guardian_service, input_guardian)

    # then
    assert error_info.value == expected_error
    assert storage_broker.mock_calls == [
        getattr(call, insert)(create_guardian_document(input_guardian))
    ]
    assert logging_broker.mock_calls == [create_error_log_call(expected_error)]
